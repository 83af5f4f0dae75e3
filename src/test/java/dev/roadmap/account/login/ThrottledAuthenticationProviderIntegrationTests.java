package dev.roadmap.account.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static dev.roadmap.test.Logins.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The throttle in front of the password check under concurrency: however many guesses
 * arrive at once, no more passwords are checked than the limit allows.
 */
@RoadmapIntegrationTest
class ThrottledAuthenticationProviderIntegrationTests {

	private static final LoginProperties LIMITS = new LoginProperties(5, 3, Duration.ofMinutes(15),
			Duration.ofMinutes(15), new LoginProperties.RememberMe(Duration.ofDays(14), Duration.ofSeconds(30)),
			Duration.ofHours(1));

	private final LoginThrottle throttle;

	@Autowired
	ThrottledAuthenticationProviderIntegrationTests(JdbcClient jdbc) {
		this.throttle = new LoginThrottle(jdbc, LIMITS);
	}

	@Test
	void aThousandParallelGuessesForOneAccountCheckFivePasswords() throws Exception {
		String email = Learners.uniqueEmail();
		PasswordCheck wrong = new PasswordCheck((login) -> {
			throw new BadCredentialsException("wrong");
		});

		List<AuthenticationException> answers = inParallel(1000, (i) -> login(wrong, email, randomAddress()));

		assertThat(wrong.checks()).isEqualTo(LIMITS.maxFailures());
		assertThat(answers).allSatisfy((answer) -> assertThat(answer).isInstanceOfAny(BadCredentialsException.class,
				LoginThrottledException.class));
		assertThat(answers).filteredOn(LoginThrottledException.class::isInstance)
			.hasSize(1000 - LIMITS.maxFailures() + 1);
	}

	@Test
	void aThousandParallelGuessesFromOneAddressCheckItsLimitOfPasswords() throws Exception {
		String address = randomAddress();
		PasswordCheck wrong = new PasswordCheck((login) -> {
			throw new BadCredentialsException("wrong");
		});

		inParallel(1000, (i) -> login(wrong, Learners.uniqueEmail(), address));

		assertThat(wrong.checks()).isEqualTo(LIMITS.maxFailuresPerAddress());
	}

	@Test
	void aRightPasswordIsNotCountedAgainstItsAddress() {
		String address = randomAddress();
		PasswordCheck right = new PasswordCheck((login) -> login);
		for (int i = 0; i < 10; i++) {
			assertThat(login(right, Learners.uniqueEmail(), address)).isNull();
		}

		assertThat(this.throttle.lockedUntil(Learners.uniqueEmail(), address)).isEmpty();
	}

	@Test
	void aCheckThatNeverJudgedThePasswordIsNotCounted() {
		String email = Learners.uniqueEmail();
		PasswordCheck disabled = new PasswordCheck((login) -> {
			throw new DisabledException("disabled");
		});
		for (int i = 0; i < 10; i++) {
			assertThat(login(disabled, email, randomAddress())).isInstanceOf(DisabledException.class);
		}

		assertThat(this.throttle.lockedUntil(email, null)).isEmpty();
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> provider(new PasswordCheck((login) -> {
				throw new BadCredentialsException("wrong");
			})).authenticate(token(email, randomAddress())));
	}

	private AuthenticationException login(PasswordCheck check, String email, String address) {
		try {
			provider(check).authenticate(token(email, address));
			return null;
		}
		catch (AuthenticationException ex) {
			return ex;
		}
	}

	private ThrottledAuthenticationProvider provider(PasswordCheck check) {
		return new ThrottledAuthenticationProvider(check, this.throttle, new SimpleMeterRegistry());
	}

	private static Authentication token(String email, String address) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(email,
				"a guess");
		token.setDetails(new WebAuthenticationDetails(address, null));
		return token;
	}

	private static <T> List<T> inParallel(int tasks, Function<Integer, T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				int n = i;
				futures.add(pool.submit(() -> task.apply(n)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A password check that takes as long as a real one might and counts how often it
	 * ran.
	 */
	private static final class PasswordCheck implements AuthenticationProvider {

		private final AtomicInteger checks = new AtomicInteger();

		private final Function<Authentication, Authentication> outcome;

		PasswordCheck(Function<Authentication, Authentication> outcome) {
			this.outcome = outcome;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			this.checks.incrementAndGet();
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.outcome.apply(authentication);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}

		int checks() {
			return this.checks.get();
		}

	}

}
