package dev.roadmap.account.login;

import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.roadmap.test.Logins.from;
import static dev.roadmap.test.Logins.logIn;
import static dev.roadmap.test.Logins.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Login throttling as a user sees it, with the default limits: 5 failures per account and
 * 50 per client address within 15 minutes lock them for 15 minutes.
 */
@RoadmapIntegrationTest
class LoginThrottlingIntegrationTests {

	private static final String WRONG = "not the password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveFailedLoginsLockTheAccountForFifteenMinutesWhateverTheAddress() throws Exception {
		String email = this.learners.aLearner().getUsername();
		String address = randomAddress();
		for (int i = 1; i <= 4; i++) {
			attempt(email, WRONG, address).andExpect(redirectedUrl("/login?error"));
		}

		attempt(email, WRONG, address).andExpect(redirectedUrl("/login?locked=15"));

		attempt(email, Learners.PASSWORD, address).andExpect(redirectedUrl("/login?locked=15"))
			.andExpect(unauthenticated());
		attempt(email, Learners.PASSWORD, randomAddress()).andExpect(redirectedUrl("/login?locked=15"))
			.andExpect(unauthenticated());
		attempt(this.learners.aLearner().getUsername(), Learners.PASSWORD, address).andExpect(authenticated());
	}

	@Test
	void unknownEmailAddressesAreLockedExactlyLikeAccounts() throws Exception {
		String known = this.learners.aLearner().getUsername();
		String unknown = Learners.uniqueEmail();
		for (int i = 1; i <= 5; i++) {
			String knownAnswer = attempt(known, WRONG, randomAddress()).andReturn().getResponse().getRedirectedUrl();
			String unknownAnswer = attempt(unknown, WRONG, randomAddress()).andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(unknownAnswer).isEqualTo(knownAnswer).isEqualTo((i < 5) ? "/login?error" : "/login?locked=15");
		}
		attempt(unknown, WRONG, randomAddress()).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void theEmailAddressIsCountedWhateverItsCaseAndSpaces() throws Exception {
		String email = this.learners.aLearner().getUsername();
		for (int i = 1; i <= 4; i++) {
			attempt((i % 2 == 0) ? email.toUpperCase() : " " + email + " ", WRONG, randomAddress());
		}

		attempt(email, WRONG, randomAddress()).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void aSuccessfulLoginStartsTheAccountsCountAgain() throws Exception {
		String email = this.learners.aLearner().getUsername();
		for (int i = 1; i <= 4; i++) {
			attempt(email, WRONG, randomAddress()).andExpect(redirectedUrl("/login?error"));
		}
		attempt(email, Learners.PASSWORD, randomAddress()).andExpect(authenticated());

		for (int i = 1; i <= 4; i++) {
			attempt(email, WRONG, randomAddress()).andExpect(redirectedUrl("/login?error"));
		}
		attempt(email, WRONG, randomAddress()).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void oneAddressIsRefusedAfterFiftyFailuresWhicheverAccountsTheyTried() throws Exception {
		String sprayer = randomAddress();
		// A password sprayer tries one password on many accounts; 49 of them already
		// failed.
		for (int i = 1; i <= 49; i++) {
			assertThat(this.throttle.begin(Learners.uniqueEmail(), sprayer).failed()).isEmpty();
		}

		attempt(Learners.uniqueEmail(), WRONG, sprayer).andExpect(redirectedUrl("/login?locked=15"));

		String learner = this.learners.aLearner().getUsername();
		attempt(learner, Learners.PASSWORD, sprayer).andExpect(redirectedUrl("/login?locked=15"))
			.andExpect(unauthenticated());
		attempt(learner, Learners.PASSWORD, randomAddress()).andExpect(authenticated());
	}

	@Test
	void aSuccessfulLoginDoesNotStartTheAddresssCountAgain() throws Exception {
		String address = randomAddress();
		for (int i = 1; i <= 49; i++) {
			this.throttle.begin(Learners.uniqueEmail(), address).failed();
		}
		attempt(this.learners.aLearner().getUsername(), Learners.PASSWORD, address).andExpect(authenticated());

		attempt(Learners.uniqueEmail(), WRONG, address).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void whatWasTypedAsTheEmailAddressIsNeverStored() throws Exception {
		String typed = "Mistyped-" + Learners.uniqueEmail();

		attempt(typed, WRONG, randomAddress()).andExpect(redirectedUrl("/login?error"));

		assertThat(this.jdbc.sql("""
				select count(*) from login_attempt
				where position(convert_to(lower(:typed), 'UTF8') in key_hash) > 0
				   or position(convert_to(:typed, 'UTF8') in key_hash) > 0
				""").param("typed", typed).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from login_attempt where octet_length(key_hash) <> 32")
			.query(Long.class)
			.single()).isZero();
	}

	private ResultActions attempt(String email, String password, String address) throws Exception {
		return this.mvc.perform(logIn(email, password).with(from(address)));
	}

}
