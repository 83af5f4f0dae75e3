package dev.roadmap.account.settings;

import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The account page: each small form changes one thing, or changes nothing and says why.
 */
@RoadmapIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registrationExplainsEachPasswordRule() throws Exception {
		assertThat(registrationError("short")).isEqualTo(
				"Use between 12 and 128 characters. " + "A short sentence is easy to remember and hard to guess.");
		assertThat(registrationError("x".repeat(129)))
			.isEqualTo("Use between 12 and 128 characters. This one is longer.");
		assertThat(registrationError("Qwerty123456")).startsWith("This password is on a list of common passwords");
	}

	@Test
	void registrationAcceptsAPasswordOf128Characters() throws Exception {
		String email = Learners.uniqueEmail();
		String password = "a quiet river under the old bridge ".repeat(4).substring(0, 128);

		this.mvc
			.perform(post("/register").with(csrf())
				.param("email", email)
				.param("displayName", "Ada")
				.param("password", password))
			.andExpect(status().is3xxRedirection())
			.andExpect(authenticated());

		this.mvc.perform(formLogin("/login").user(email).password(password)).andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user(email).password(password.substring(0, 72)))
			.andExpect(unauthenticated());
	}

	@Test
	void theAccountPageShowsTheProfileAndOneFormPerChangeWithCsrfTokens() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		Document page = Html
			.of(this.mvc.perform(get("/account").with(user(ada))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("[data-account=email]").text()).isEqualTo(ada.getUsername());
		assertThat(page.select("[data-account=roles]").text()).isEqualTo("Learner");
		assertThat(page.select("form[data-form]").eachAttr("action")).containsExactly("/account/name", "/account/email",
				"/account/time-zone", "/account/public-page", "/account/password", "/account/logout-everywhere",
				"/account/tokens", "/account/delete");
		assertThat(page.select("form[data-form]"))
			.allSatisfy((form) -> assertThat(form.select("input[name=_csrf]")).as(form.attr("action")).hasSize(1));
		assertThat(page.select("#timeZone option[selected]").text()).isEqualTo("UTC");
		assertThat(page.select("#timeZone option")).hasSizeGreaterThan(400);
		assertThat(page.select("a[href=/account/export]")).hasSize(1);
		assertThat(page.select("nav a[href=/account]").text()).isEqualTo("Account");
	}

	@Test
	void withoutSmtpAResetLinkIsWrittenToTheLog(CapturedOutput output) throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		this.mvc.perform(post("/password-reset").with(csrf()).param("email", ada.getUsername()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/password-reset?sent"));

		assertThat(output).containsPattern("INFO .*Password reset link for user " + ada.id()
				+ " \\(not e-mailed, no SMTP configured\\): http://localhost:8080/password-reset/[A-Za-z0-9_-]{43}");
		assertThat(output.toString()).doesNotContain(ada.getUsername());
	}

	@Test
	void changingTheDisplayNameShowsItAtOnce() throws Exception {
		MvcResult login = logIn(this.learners.aLearner());

		this.mvc.perform(post("/account/name").cookie(cookies(login)).with(csrf()).param("displayName", "  Ada L.  "))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/account"))
			.andExpect(flashMessage("flash.account.nameChanged"));

		Document page = Html.of(this.mvc.perform(get("/account").cookie(cookies(login))).andReturn());
		assertThat(page.select("[data-account=displayName]").text()).isEqualTo("Ada L.");
		assertThat(page.select(".who").text()).isEqualTo("Signed in as Ada L.");
	}

	@Test
	void anInvalidDisplayNameChangesNothing() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		Document blank = Html
			.of(this.mvc.perform(post("/account/name").with(user(ada)).with(csrf()).param("displayName", " "))
				.andExpect(status().isBadRequest())
				.andReturn());
		Document tooLong = Html.of(this.mvc
			.perform(post("/account/name").with(user(ada)).with(csrf()).param("displayName", "x".repeat(81)))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(blank.select("#displayName-error").text()).isEqualTo("This field is required.");
		assertThat(tooLong.select("#displayName-error").text()).isEqualTo("Use at most 80 characters.");
		assertThat(displayNameOf(ada)).isEqualTo("Test User");
	}

	@Test
	void changingTheEmailNeedsTheCurrentPassword() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String newEmail = Learners.uniqueEmail();

		Document page = Html.of(this.mvc.perform(changeEmail(ada, newEmail, "not my password").with(user(ada)))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(page.select("#emailCurrentPassword-error").text()).isEqualTo("That is not your current password.");
		assertThat(page.select("#newEmail").val()).as("shown back").isEqualTo(newEmail);
		assertThat(emailOf(ada)).isEqualTo(ada.getUsername());
	}

	@Test
	void changingTheEmailNeedsAFreeValidAddress() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		AccountPrincipal bo = this.learners.aLearner();

		Document taken = Html
			.of(this.mvc.perform(changeEmail(ada, bo.getUsername().toUpperCase(), Learners.PASSWORD).with(user(ada)))
				.andExpect(status().isBadRequest())
				.andReturn());
		Document invalid = Html
			.of(this.mvc.perform(changeEmail(ada, "not-an-address", Learners.PASSWORD).with(user(ada)))
				.andExpect(status().isBadRequest())
				.andReturn());
		Document same = Html.of(this.mvc.perform(changeEmail(ada, ada.getUsername(), Learners.PASSWORD).with(user(ada)))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(taken.select("#newEmail-error").text()).contains("already has an account");
		assertThat(invalid.select("#newEmail-error").text()).startsWith("Enter a valid e-mail address");
		assertThat(same.select("#newEmail-error").text()).isEqualTo("This is already your e-mail address.");
		assertThat(emailOf(ada)).isEqualTo(ada.getUsername());
	}

	@Test
	void aNewEmailIsStoredLowerCasedAndIsTheOneToLogInWith() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		MvcResult login = logIn(ada);
		MvcResult otherDevice = logIn(ada);
		String newEmail = Learners.uniqueEmail();

		MvcResult change = this.mvc
			.perform(changeEmail(ada, "  " + newEmail.toUpperCase() + " ", Learners.PASSWORD).cookie(cookies(login)))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("flash.account.emailChanged"))
			.andReturn();

		assertThat(emailOf(ada)).isEqualTo(newEmail);
		Document page = Html.of(this.mvc.perform(get("/account").cookie(cookies(change, login)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.select("[data-account=email]").text()).isEqualTo(newEmail);
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = :email")
			.param("email", newEmail)
			.query(Long.class)
			.single()).as("this session, indexed by the new address").isOne();
		this.mvc.perform(get("/account").cookie(cookies(otherDevice)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(newEmail).password(Learners.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void theTimeZoneIsStoredPerUser() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		this.mvc.perform(post("/account/time-zone").with(user(ada)).with(csrf()).param("timeZone", "Europe/Paris"))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("flash.account.timeZoneChanged"));

		assertThat(this.accounts.profileOf(ada.id()).orElseThrow().timeZone()).isEqualTo("Europe/Paris");
		Document page = Html.of(this.mvc.perform(get("/account").with(user(ada))).andReturn());
		assertThat(page.select("#timeZone option[selected]").text()).isEqualTo("Europe/Paris");
	}

	@Test
	void anUnknownTimeZoneIsRefused() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		Document page = Html.of(this.mvc
			.perform(post("/account/time-zone").with(user(ada)).with(csrf()).param("timeZone", "Mars/Olympus"))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(page.select("#timeZone-error").text()).isEqualTo("Choose a time zone from the list.");
		assertThat(this.accounts.profileOf(ada.id()).orElseThrow().timeZone()).isEqualTo("UTC");
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndAGoodNewOne() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String hash = passwordHashOf(ada);

		Document wrong = Html
			.of(this.mvc.perform(changePassword("not my password", "a brand new passphrase").with(user(ada)))
				.andExpect(status().isBadRequest())
				.andReturn());
		Document common = Html.of(this.mvc.perform(changePassword(Learners.PASSWORD, "QWERTY123456").with(user(ada)))
			.andExpect(status().isBadRequest())
			.andReturn());
		Document shortOne = Html.of(this.mvc.perform(changePassword(Learners.PASSWORD, "too short").with(user(ada)))
			.andExpect(status().isBadRequest())
			.andReturn());
		Document same = Html.of(this.mvc.perform(changePassword(Learners.PASSWORD, Learners.PASSWORD).with(user(ada)))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(wrong.select("#passwordCurrentPassword-error").text())
			.isEqualTo("That is not your current password.");
		assertThat(common.select("#newPassword-error").text()).startsWith("This password is on a list");
		assertThat(shortOne.select("#newPassword-error").text()).startsWith("Use between 12 and 128 characters.");
		assertThat(same.select("#newPassword-error").text())
			.isEqualTo("Choose a password different from your current one.");
		assertThat(List.of(wrong, common, shortOne, same))
			.allSatisfy((page) -> assertThat(page.select("input[type=password]").eachAttr("value"))
				.as("passwords are never sent back")
				.allMatch(String::isEmpty));
		assertThat(passwordHashOf(ada)).isEqualTo(hash);
	}

	@Test
	void aNewPasswordReplacesTheOldOneAndEndsOtherSessions() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		MvcResult login = logIn(ada);
		MvcResult otherDevice = logIn(ada);

		MvcResult change = this.mvc
			.perform(changePassword(Learners.PASSWORD, "a brand new passphrase").cookie(cookies(login)))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("flash.account.passwordChanged"))
			.andReturn();

		this.mvc.perform(get("/account").cookie(cookies(change, login))).andExpect(status().isOk());
		this.mvc.perform(get("/account").cookie(cookies(otherDevice))).andExpect(redirectedUrl("/login"));
		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password("a brand new passphrase"))
			.andExpect(authenticated());
	}

	@Test
	void everyAccountFormNeedsACsrfToken() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		for (String path : List.of("/account/name", "/account/email", "/account/time-zone", "/account/password",
				"/account/delete")) {
			this.mvc.perform(post(path).with(user(ada)).param("displayName", "Eve")).andExpect(status().isForbidden());
		}
		assertThat(displayNameOf(ada)).isEqualTo("Test User");
	}

	@Test
	void userTextIsShownBackEscaped() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String name = "<script>alert(1)</script> & \"Ada\"";

		this.mvc.perform(post("/account/name").with(user(ada)).with(csrf()).param("displayName", name))
			.andExpect(status().isSeeOther());

		String html = this.mvc.perform(get("/account").with(user(ada))).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	private String registrationError(String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/register").with(csrf())
				.param("email", Learners.uniqueEmail())
				.param("displayName", "Ada")
				.param("password", password))
			.andExpect(status().isBadRequest())
			.andExpect(unauthenticated())
			.andReturn();
		return Html.of(result).select("#password-error").text();
	}

	private MvcResult logIn(AccountPrincipal user) throws Exception {
		return this.mvc.perform(formLogin("/login").user(user.getUsername()).password(Learners.PASSWORD))
			.andExpect(authenticated())
			.andReturn();
	}

	/**
	 * The cookies of the latest response, falling back on earlier ones: a response that
	 * set no cookie leaves the browser's as they were.
	 */
	static Cookie[] cookies(MvcResult... results) {
		for (MvcResult result : results) {
			Cookie[] cookies = result.getResponse().getCookies();
			if (cookies.length > 0) {
				return cookies;
			}
		}
		return new Cookie[0];
	}

	private static MockHttpServletRequestBuilder changeEmail(AccountPrincipal user, String email, String password) {
		return post("/account/email").with(csrf()).param("email", email).param("currentPassword", password);
	}

	private static MockHttpServletRequestBuilder changePassword(String current, String newPassword) {
		return post("/account/password").with(csrf())
			.param("currentPassword", current)
			.param("newPassword", newPassword);
	}

	private String emailOf(AccountPrincipal user) {
		return column("email", user);
	}

	private String displayNameOf(AccountPrincipal user) {
		return column("display_name", user);
	}

	private String passwordHashOf(AccountPrincipal user) {
		return column("password_hash", user);
	}

	private String column(String column, AccountPrincipal user) {
		return this.jdbc.sql("select " + column + " from app_user where id = :id")
			.param("id", user.id())
			.query(String.class)
			.single();
	}

}
