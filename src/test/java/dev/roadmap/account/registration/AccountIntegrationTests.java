package dev.roadmap.account.registration;

import java.nio.charset.StandardCharsets;

import dev.roadmap.account.AccountService;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RoadmapIntegrationTest
class AccountIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registrationPageHasTheThreeFieldsAndACsrfToken() throws Exception {
		this.mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"email\"")))
			.andExpect(content().string(containsString("name=\"displayName\"")))
			.andExpect(content().string(containsString("name=\"password\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void registeringCreatesALearnerAndLogsThemIn() throws Exception {
		String email = Learners.uniqueEmail();

		MvcResult result = this.mvc.perform(register(email, "Ada", "a long enough password"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(email).withRoles("LEARNER"))
			.andReturn();

		this.mvc.perform(get("/").cookie(result.getResponse().getCookies()))
			.andExpect(content().string(containsString("Signed in as Ada")))
			.andExpect(content().string(containsString("Welcome aboard")));
		assertThat(this.accounts.findByEmail(email)).get().satisfies((account) -> {
			assertThat(account.displayName()).isEqualTo("Ada");
			assertThat(account.roles()).extracting(Enum::name).containsExactly("LEARNER");
		});
	}

	@Test
	void passwordsAreStoredOnlyAsModernHashes() throws Exception {
		String email = Learners.uniqueEmail();

		this.mvc.perform(register(email, "Ada", "a long enough password"));

		String hash = this.jdbc.sql("select password_hash from app_user where email = :email")
			.param("email", email)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("a long enough password");
	}

	@Test
	void theSessionARegistrationSignsInToHoldsNoPasswordHash() throws Exception {
		String email = Learners.uniqueEmail();

		this.mvc.perform(register(email, "Ada", "a long enough password")).andExpect(authenticated());

		String hash = this.jdbc.sql("select password_hash from app_user where email = :email")
			.param("email", email)
			.query(String.class)
			.single();
		byte[] stored = this.jdbc.sql("""
				select a.attribute_bytes from spring_session s
				join spring_session_attributes a on a.session_primary_id = s.primary_id
				where s.principal_name = :email and a.attribute_name = 'SPRING_SECURITY_CONTEXT'
				""").param("email", email).query(byte[].class).single();
		// The hash's salt and digest, the part after "{bcrypt}$2a$10$".
		String digest = hash.substring(hash.lastIndexOf('$') + 1);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).contains(email).doesNotContain(digest);
	}

	@Test
	void anEmailAddressCanRegisterOnceWhateverItsCase() throws Exception {
		String email = Learners.uniqueEmail();
		this.mvc.perform(register(email, "Ada", "a long enough password")).andExpect(status().is3xxRedirection());

		this.mvc.perform(register("  " + email.toUpperCase() + " ", "Eve", "another long password"))
			.andExpect(status().isBadRequest())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString("already has an account")));

		assertThat(usersNamed(email)).isEqualTo(1);
	}

	@Test
	void invalidRegistrationsExplainEveryFieldAndStoreNothing() throws Exception {
		this.mvc.perform(register("not-an-email", "", "short"))
			.andExpect(status().isBadRequest())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString("Enter a valid e-mail address")))
			.andExpect(content().string(containsString("This field is required.")))
			.andExpect(content().string(containsString("Use between 12 and 128 characters.")))
			.andExpect(content().string(containsString("value=\"not-an-email\"")))
			.andExpect(content().string(not(containsString("value=\"short\""))));

		assertThat(usersNamed("not-an-email")).isZero();
	}

	@Test
	void registrationWithoutCsrfTokenIsRefused() throws Exception {
		String email = Learners.uniqueEmail();

		this.mvc
			.perform(post("/register").param("email", email)
				.param("displayName", "Ada")
				.param("password", "a long enough password"))
			.andExpect(status().isForbidden());

		assertThat(usersNamed(email)).isZero();
	}

	@Test
	void registeredUsersLogInWithTheirEmailAndPassword() throws Exception {
		String email = Learners.uniqueEmail();
		this.accounts.register(email, "Ada", "a long enough password");

		this.mvc.perform(formLogin("/login").user(email.toUpperCase()).password("a long enough password"))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(email));
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() throws Exception {
		String email = Learners.uniqueEmail();
		this.accounts.register(email, "Ada", "a long enough password");

		this.mvc.perform(formLogin("/login").user(email).password("wrong password!"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user(Learners.uniqueEmail()).password("wrong password!"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("do not match an account")));
	}

	@Test
	void sessionsAreStoredInPostgresql() throws Exception {
		String email = Learners.uniqueEmail();
		this.accounts.register(email, "Ada", "a long enough password");

		this.mvc.perform(formLogin("/login").user(email).password("a long enough password")).andExpect(authenticated());

		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = :email")
			.param("email", email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void loggingOutEndsTheSession() throws Exception {
		String email = Learners.uniqueEmail();
		this.accounts.register(email, "Ada", "a long enough password");
		MvcResult login = this.mvc.perform(formLogin("/login").user(email).password("a long enough password"))
			.andReturn();
		this.mvc.perform(get("/").cookie(login.getResponse().getCookies()))
			.andExpect(content().string(containsString("Signed in as Ada")));

		this.mvc.perform(post("/logout").cookie(login.getResponse().getCookies()).with(csrf()))
			.andExpect(redirectedUrl("/?loggedOut"));

		this.mvc.perform(get("/").cookie(login.getResponse().getCookies()))
			.andExpect(content().string(not(containsString("Signed in as"))));
	}

	private long usersNamed(String email) {
		return this.jdbc.sql("select count(*) from app_user where email = lower(trim(:email))")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private static RequestBuilder register(String email, String displayName, String password) {
		return post("/register").with(csrf())
			.param("email", email)
			.param("displayName", displayName)
			.param("password", password);
	}

}
