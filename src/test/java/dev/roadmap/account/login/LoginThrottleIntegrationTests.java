package dev.roadmap.account.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static dev.roadmap.test.Logins.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's counting, with time under the test's control, on two instances that
 * share nothing but the database, as two application instances behind a load balancer do.
 */
@RoadmapIntegrationTest
class LoginThrottleIntegrationTests {

	private static final LoginProperties LIMITS = new LoginProperties(5, 3, Duration.ofMinutes(15),
			Duration.ofMinutes(15), new LoginProperties.RememberMe(Duration.ofDays(14), Duration.ofSeconds(30)),
			Duration.ofHours(1));

	private final MutableClock clock = new MutableClock();

	private final LoginThrottle first;

	private final LoginThrottle second;

	private final JdbcClient jdbc;

	@Autowired
	LoginThrottleIntegrationTests(Environment environment, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.first = new LoginThrottle(connectionOf(environment), LIMITS, this.clock);
		this.second = new LoginThrottle(connectionOf(environment), LIMITS, this.clock);
	}

	@Test
	void failuresOnDifferentInstancesAddUpAndBothRefuseTheAccount() {
		String email = Learners.uniqueEmail();
		for (int i = 1; i <= 4; i++) {
			LoginThrottle instance = (i % 2 == 0) ? this.first : this.second;
			assertThat(instance.begin(email, randomAddress()).failed()).as("failure %d", i).isEmpty();
		}

		Optional<Instant> lock = this.first.begin(email, randomAddress()).failed();

		assertThat(lock).contains(this.clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(this.second.lockedUntil(email, randomAddress())).isEqualTo(lock);
		assertThat(this.first.lockedUntil(email, null)).isEqualTo(lock);
	}

	@Test
	void theLockEndsAfterFifteenMinutesAndCountingStartsAgain() {
		String email = Learners.uniqueEmail();
		failTimes(5, email);
		this.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		assertThat(this.second.lockedUntil(email, null)).isPresent();

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.second.lockedUntil(email, null)).isEmpty();
		assertThat(failTimes(4, email)).isEmpty();
		assertThat(this.first.begin(email, null).failed()).isPresent();
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		String email = Learners.uniqueEmail();
		failTimes(4, email);
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		assertThat(failTimes(4, email)).isEmpty();
		assertThat(this.first.lockedUntil(email, null)).isEmpty();
		assertThat(this.first.begin(email, null).failed()).isPresent();
	}

	@Test
	void anAddressIsLockedAfterItsLimitWhicheverAccountsItTried() {
		String address = randomAddress();
		this.first.begin(Learners.uniqueEmail(), address).failed();
		this.second.begin(Learners.uniqueEmail(), address).failed();

		assertThat(this.first.begin(Learners.uniqueEmail(), address).failed()).isPresent();

		assertThat(this.second.lockedUntil(Learners.uniqueEmail(), address)).isPresent();
		assertThat(this.second.lockedUntil(Learners.uniqueEmail(), randomAddress())).isEmpty();
	}

	@Test
	void aSuccessClearsTheAccountButNotTheAddress() {
		String email = Learners.uniqueEmail();
		String address = randomAddress();
		this.first.begin(email, address).failed();
		this.first.begin(email, address).failed();

		this.second.begin(email, address).succeeded();

		assertThat(failTimes(4, email)).isEmpty();
		assertThat(this.first.begin(Learners.uniqueEmail(), address).failed()).isPresent();
	}

	@Test
	void ipv6AddressesOfOneSlash64NetworkCountAsOne() {
		assertThat(LoginKeys.addressKey("2001:db8:1:2::1")).isEqualTo(LoginKeys.addressKey("2001:db8:1:2:ab::9"))
			.isEqualTo(LoginKeys.addressKey("2001:DB8:1:2:0:0:0:ffff"));
		assertThat(LoginKeys.addressKey("2001:db8:1:3::1")).isNotEqualTo(LoginKeys.addressKey("2001:db8:1:2::1"));
		assertThat(LoginKeys.addressKey("192.0.2.1")).isNotEqualTo(LoginKeys.addressKey("192.0.2.2"));
	}

	@Test
	void theCleanUpDeletesOnlyCountsThatAreOver() {
		String stale = Learners.uniqueEmail();
		String locked = Learners.uniqueEmail();
		String recent = Learners.uniqueEmail();
		this.first.begin(stale, null).failed();
		failTimes(5, locked);
		this.clock.advance(Duration.ofMinutes(10));
		this.first.begin(recent, null).failed();
		this.clock.advance(Duration.ofMinutes(6));

		this.second.deleteExpired();

		assertThat(stored(stale)).isZero();
		assertThat(stored(locked)).isZero();
		assertThat(stored(recent)).isOne();
	}

	private Optional<Instant> failTimes(int times, String email) {
		Optional<Instant> lock = Optional.empty();
		for (int i = 0; i < times; i++) {
			lock = ((i % 2 == 0) ? this.first : this.second).begin(email, null).failed();
		}
		return lock;
	}

	private long stored(String email) {
		return this.jdbc.sql("select count(*) from login_attempt where kind = 'ACCOUNT' and key_hash = :key")
			.param("key", LoginKeys.accountKey(email))
			.query(Long.class)
			.single();
	}

	/**
	 * A connection pool of its own, as another instance would have.
	 */
	private static JdbcClient connectionOf(Environment environment) {
		return JdbcClient.create(new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password", "")));
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
