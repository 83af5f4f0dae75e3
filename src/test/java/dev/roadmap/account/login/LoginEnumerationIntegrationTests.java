package dev.roadmap.account.login;

import java.util.concurrent.atomic.AtomicInteger;

import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static dev.roadmap.test.Logins.from;
import static dev.roadmap.test.Logins.logIn;
import static dev.roadmap.test.Logins.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether an e-mail address has an account cannot be told from a failed login: the same
 * answer, and the same work, measured by counting password-hash checks rather than by
 * timing (one bcrypt check is what costs the time). Its own application context, whose
 * password encoder counts its calls.
 */
@RoadmapIntegrationTest
class LoginEnumerationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	CountingPasswordEncoder encoder;

	@BeforeEach
	void warmUp() throws Exception {
		// The first unknown address ever makes Spring Security hash its dummy password
		// once; start counting after that.
		this.mvc.perform(logIn(Learners.uniqueEmail(), "warming up"));
		this.encoder.reset();
	}

	@Test
	void anUnknownEmailAddressCostsOnePasswordCheckLikeAWrongPassword() throws Exception {
		String known = this.learners.aLearner().getUsername();
		this.encoder.reset();

		String wrongPassword = redirectOf(known, "not the password");
		int wrongPasswordChecks = this.encoder.matches();
		this.encoder.reset();
		String unknownEmail = redirectOf(Learners.uniqueEmail(), "not the password");
		int unknownEmailChecks = this.encoder.matches();

		assertThat(unknownEmail).isEqualTo(wrongPassword).isEqualTo("/login?error");
		assertThat(unknownEmailChecks).isEqualTo(wrongPasswordChecks).isOne();
		assertThat(this.encoder.encodes()).isZero();
	}

	@Test
	void aRightPasswordCostsTheSameOneCheck() throws Exception {
		String known = this.learners.aLearner().getUsername();
		this.encoder.reset();

		assertThat(redirectOf(known, Learners.PASSWORD)).isEqualTo("/");

		assertThat(this.encoder.matches()).isOne();
	}

	@Test
	void aLockedAccountAndALockedUnknownAddressCostNoCheckAtAllAndAnswerAlike() throws Exception {
		String known = this.learners.aLearner().getUsername();
		String unknown = Learners.uniqueEmail();
		for (int i = 1; i <= 5; i++) {
			redirectOf(known, "not the password");
			redirectOf(unknown, "not the password");
		}
		this.encoder.reset();

		String knownAnswer = redirectOf(known, Learners.PASSWORD);
		String unknownAnswer = redirectOf(unknown, Learners.PASSWORD);

		assertThat(unknownAnswer).isEqualTo(knownAnswer).isEqualTo("/login?locked=15");
		assertThat(this.encoder.matches()).isZero();
	}

	private String redirectOf(String email, String password) throws Exception {
		return this.mvc.perform(logIn(email, password).with(from(randomAddress())))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingPasswordEncoderConfiguration {

		@Bean
		static BeanPostProcessor countingPasswordEncoder() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof PasswordEncoder encoder && !(bean instanceof CountingPasswordEncoder))
							? new CountingPasswordEncoder(encoder) : bean;
				}
			};
		}

	}

	/**
	 * Counts the calls to the application's password encoder.
	 */
	static final class CountingPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;

		private final AtomicInteger matches = new AtomicInteger();

		private final AtomicInteger encodes = new AtomicInteger();

		CountingPasswordEncoder(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			this.encodes.incrementAndGet();
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.matches.incrementAndGet();
			return this.delegate.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.delegate.upgradeEncoding(encodedPassword);
		}

		int matches() {
			return this.matches.get();
		}

		int encodes() {
			return this.encodes.get();
		}

		void reset() {
			this.matches.set(0);
			this.encodes.set(0);
		}

	}

}
