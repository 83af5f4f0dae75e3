package dev.roadmap.account.reset;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.MailIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.roadmap.test.Flashes.flashMessage;
import static dev.roadmap.test.TestMail.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password reset by e-mail, end to end through a real SMTP server (GreenMail, in
 * process), in the context of the {@link MailIntegrationTest}s.
 */
@MailIntegrationTest
class PasswordResetIntegrationTests {

	private static final Pattern LINK = Pattern
		.compile("https://roadmap\\.example\\.org(/password-reset/([A-Za-z0-9_-]+))");

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResetLinkArrivesByMailAndSetsANewPassword() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		MvcResult otherDevice = logIn(ada.getUsername(), Learners.PASSWORD);

		this.mvc.perform(post("/password-reset").with(csrf()).param("email", " " + ada.getUsername().toUpperCase()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/password-reset?sent"));
		MimeMessage mail = awaitMailsTo(ada, 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Reset your Backend Roadmap password");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("Hello Test User,").contains("The link works once, for 30 minutes.");
		String path = link(mail);
		assertThat(token(mail)).hasSizeGreaterThanOrEqualTo(43);
		assertThat(storedHashes(ada)).doesNotContain(token(mail)).allMatch((hash) -> hash.matches("[0-9a-f]{64}"));

		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("Referrer-Policy", "no-referrer"));
		this.mvc.perform(post(path).with(csrf()).param("password", "my new reset passphrase"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/login"))
			.andExpect(flashMessage("flash.passwordReset"));

		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password("my new reset passphrase"))
			.andExpect(authenticated());
		this.mvc.perform(get("/account").cookie(otherDevice.getResponse().getCookies()))
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void theRequestPageAnswersTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String unknown = Learners.uniqueEmail();

		MvcResult known = this.mvc.perform(post("/password-reset").with(csrf()).param("email", ada.getUsername()))
			.andReturn();
		MvcResult notKnown = this.mvc.perform(post("/password-reset").with(csrf()).param("email", unknown)).andReturn();

		assertThat(notKnown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus()).isEqualTo(303);
		assertThat(notKnown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
		Document sent = Html.of(this.mvc.perform(get("/password-reset").param("sent", "")).andReturn());
		assertThat(sent.select("[data-reset=sent]").text()).startsWith("If an account exists for that address");
		awaitMailsTo(ada, 1);
		assertThat(mailsTo(unknown)).isEmpty();
	}

	@Test
	void aLinkWorksOnlyOnce() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String path = requestLink(ada, 1);
		this.mvc.perform(post(path).with(csrf()).param("password", "the first new passphrase"))
			.andExpect(status().isSeeOther());

		Document again = Html
			.of(this.mvc.perform(post(path).with(csrf()).param("password", "the second new passphrase"))
				.andExpect(status().isGone())
				.andReturn());

		assertThat(again.select("[data-reset=invalid]").text()).isEqualTo("This link does not work");
		this.mvc.perform(get(path)).andExpect(status().isGone());
		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password("the first new passphrase"))
			.andExpect(authenticated());
	}

	@Test
	void anExpiredLinkChangesNothing() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String path = requestLink(ada, 1);
		this.jdbc
			.sql("update password_reset_token set created_at = created_at - interval '31 minutes' where user_id = :id")
			.param("id", ada.id())
			.update();

		this.mvc.perform(get(path)).andExpect(status().isGone());
		this.mvc.perform(post(path).with(csrf()).param("password", "an expired new passphrase"))
			.andExpect(status().isGone());

		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void aTamperedLinkChangesNothing() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String path = requestLink(ada, 1);
		char last = path.charAt(path.length() - 1);
		String tampered = path.substring(0, path.length() - 1) + ((last == 'A') ? 'B' : 'A');

		this.mvc.perform(get(tampered)).andExpect(status().isGone());
		this.mvc.perform(post(tampered).with(csrf()).param("password", "a tampered new passphrase"))
			.andExpect(status().isGone());
		this.mvc.perform(get("/password-reset/" + "x".repeat(5000))).andExpect(status().isGone());

		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(authenticated());
		this.mvc.perform(get(path)).andExpect(status().isOk());
	}

	@Test
	void theNewPasswordMustFollowThePolicyAndTheLinkStaysUsableUntilItDoes() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String path = requestLink(ada, 1);

		Document common = Html.of(this.mvc.perform(post(path).with(csrf()).param("password", "Qwerty123456"))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(common.select("#password-error").text()).startsWith("This password is on a list");
		this.mvc.perform(formLogin("/login").user(ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(authenticated());
		this.mvc.perform(post(path).with(csrf()).param("password", "a good new passphrase"))
			.andExpect(status().isSeeOther());
	}

	@Test
	void usingOneLinkInvalidatesTheOthers() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String first = requestLink(ada, 1);
		String second = requestLink(ada, 2);

		this.mvc.perform(post(second).with(csrf()).param("password", "the newest passphrase"))
			.andExpect(status().isSeeOther());

		this.mvc.perform(get(first)).andExpect(status().isGone());
	}

	@Test
	void requestsForOneAddressAreLimitedToThreeAnHourSilently() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/password-reset").with(csrf()).param("email", ada.getUsername()))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/password-reset?sent"));
		}

		awaitMailsTo(ada, 3);
		assertThat(storedHashes(ada)).hasSize(3);
	}

	@Test
	void anInvalidAddressIsExplained() throws Exception {
		Document page = Html.of(this.mvc.perform(post("/password-reset").with(csrf()).param("email", "nope"))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(page.select("#email-error").text()).startsWith("Enter a valid e-mail address");
	}

	private String requestLink(AccountPrincipal user, int nth) throws Exception {
		this.mvc.perform(post("/password-reset").with(csrf()).param("email", user.getUsername()))
			.andExpect(status().isSeeOther());
		return link(awaitMailsTo(user, nth).get(nth - 1));
	}

	private MvcResult logIn(String email, String password) throws Exception {
		return this.mvc.perform(formLogin("/login").user(email).password(password))
			.andExpect(authenticated())
			.andReturn();
	}

	private List<String> storedHashes(AccountPrincipal user) {
		return this.jdbc.sql("select token_hash from password_reset_token where user_id = :id")
			.param("id", user.id())
			.query(String.class)
			.list();
	}

	private static String link(MimeMessage mail) {
		return matcher(mail).group(1);
	}

	private static String token(MimeMessage mail) {
		return matcher(mail).group(2);
	}

	private static Matcher matcher(MimeMessage mail) {
		Matcher matcher = LINK.matcher(GreenMailUtil.getBody(mail));
		assertThat(matcher.find()).as("a reset link in the mail").isTrue();
		return matcher;
	}

	private static List<MimeMessage> awaitMailsTo(AccountPrincipal user, int count) {
		await().until(() -> mailsTo(user.getUsername()).size() >= count);
		return mailsTo(user.getUsername());
	}

}
