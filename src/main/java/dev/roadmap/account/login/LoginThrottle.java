package dev.roadmap.account.login;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in PostgreSQL, per account and per client address, so that every
 * instance sees the same counts. After {@link LoginProperties#maxFailures()} failures for
 * an e-mail address, or {@link LoginProperties#maxFailuresPerAddress()} from one client
 * address, within {@link LoginProperties#failureWindow()}, that account or address is
 * refused for {@link LoginProperties#lockDuration()}; counting starts again after the
 * lock. Unknown e-mail addresses are counted exactly like known ones, so a lock says
 * nothing about whether an account exists. Counts are kept under {@link LoginKeys}; each
 * login's outcome is told to its {@link LoginAttempt}.
 * <p>
 * A login is counted as a failure <em>before</em> its password is checked
 * ({@link #begin}), in one upsert that refuses it if the limit is reached, and taken back
 * if the password turns out right. Counting after the check let parallel guesses through:
 * a thousand at once all passed a check made before any of them had failed. Now at most
 * the limit's number of passwords are ever checked while the count is at its limit, on
 * any number of instances.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final LoginProperties properties;

	private final Clock clock;

	@Autowired
	LoginThrottle(JdbcClient jdbc, LoginProperties properties) {
		this(jdbc, properties, Clock.systemUTC());
	}

	LoginThrottle(JdbcClient jdbc, LoginProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts a login about to check its password as a failure for the account and the
	 * address, unless either is locked.
	 * @param username the e-mail address as typed
	 * @param address the client's IP address, if known
	 * @return the attempt, to be told how the password check ended
	 * @throws LoginThrottledException if the account or the address is locked: then no
	 * password may be checked
	 */
	public LoginAttempt begin(String username, String address) {
		Instant now = now();
		Count account = claim(Kind.ACCOUNT, LoginKeys.accountKey(username), this.properties.maxFailures(), now);
		if (address == null) {
			return new LoginAttempt(this, this.properties, address, account, null);
		}
		try {
			return new LoginAttempt(this, this.properties, address, account,
					claim(Kind.ADDRESS, LoginKeys.addressKey(address), this.properties.maxFailuresPerAddress(), now));
		}
		catch (LoginThrottledException ex) {
			release(account);
			throw ex;
		}
	}

	/**
	 * When the account or the client address may try again, if either is locked now.
	 * @param username the e-mail address as typed
	 * @param address the client's IP address, if known
	 */
	public Optional<Instant> lockedUntil(String username, String address) {
		return this.jdbc.sql("""
				select max(locked_until) from login_attempt
				where locked_until > :now
				  and ((kind = 'ACCOUNT' and key_hash = :account) or (kind = 'ADDRESS' and key_hash = :address))
				""")
			.param("now", timestamp(now()))
			.param("account", LoginKeys.accountKey(username))
			.param("address", LoginKeys.addressKey(address))
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.single()
			.map(OffsetDateTime::toInstant);
	}

	/**
	 * Deletes the counts whose window and lock are over.
	 * @return how many were deleted
	 */
	public int deleteExpired() {
		Instant now = now();
		return this.jdbc.sql("""
				delete from login_attempt
				where window_start < :windowStart and (locked_until is null or locked_until < :now)
				""")
			.param("windowStart", timestamp(now.minus(this.properties.failureWindow())))
			.param("now", timestamp(now))
			.update();
	}

	/**
	 * Adds one to the count unless it is locked; the try that reaches the limit locks it
	 * at once, so that no other try starts while this one is checked. A lock that is over
	 * starts a new count.
	 */
	private Count claim(Kind kind, byte[] key, int maxFailures, Instant now) {
		Instant until = now.plus(this.properties.lockDuration());
		for (int tries = 0; tries < 3; tries++) {
			Optional<Count> count = this.jdbc.sql("""
					insert into login_attempt as attempt (kind, key_hash, failures, window_start, locked_until)
					values (:kind, :key, 1, :now, case when :max <= 1 then :until end)
					on conflict (kind, key_hash) do update set
					    failures = case when attempt.locked_until is null and attempt.window_start > :windowStart
					                    then attempt.failures + 1 else 1 end,
					    window_start = case when attempt.locked_until is null and attempt.window_start > :windowStart
					                        then attempt.window_start else :now end,
					    locked_until = case when attempt.locked_until is null and attempt.window_start > :windowStart
					                             and attempt.failures + 1 >= :max then :until
					                        when :max <= 1 then :until end
					where attempt.locked_until is null or attempt.locked_until <= :now
					returning window_start, locked_until
					""")
				.param("kind", kind.name())
				.param("key", key)
				.param("now", timestamp(now))
				.param("windowStart", timestamp(now.minus(this.properties.failureWindow())))
				.param("max", maxFailures)
				.param("until", timestamp(until))
				.query((rs, row) -> new Count(kind, key, rs.getObject("window_start", OffsetDateTime.class),
						Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
							.map(OffsetDateTime::toInstant)))
				.optional();
			if (count.isPresent()) {
				return count.get();
			}
			Optional<Instant> locked = this.jdbc
				.sql("""
						select locked_until from login_attempt where kind = :kind and key_hash = :key and locked_until > :now
						""")
				.param("kind", kind.name())
				.param("key", key)
				.param("now", timestamp(now))
				.query(OffsetDateTime.class)
				.optional()
				.map(OffsetDateTime::toInstant);
			if (locked.isPresent()) {
				throw new LoginThrottledException(locked.get());
			}
			// Unlocked in between (a right password among the counted tries): count
			// again.
		}
		throw new LoginThrottledException(until);
	}

	/**
	 * Takes back one counted try, and the lock with it: the count is below the limit
	 * again. A count that has started over since is left alone.
	 */
	void release(Count count) {
		this.jdbc.sql("""
				update login_attempt set failures = greatest(failures - 1, 0), locked_until = null
				where kind = :kind and key_hash = :key and window_start = :windowStart
				""")
			.param("kind", count.kind().name())
			.param("key", count.key())
			.param("windowStart", count.windowStart())
			.update();
	}

	void forget(Count count) {
		this.jdbc.sql("delete from login_attempt where kind = :kind and key_hash = :key")
			.param("kind", count.kind().name())
			.param("key", count.key())
			.update();
	}

	/**
	 * One account's or address's count as a claim left it.
	 */
	record Count(Kind kind, byte[] key, OffsetDateTime windowStart, Optional<Instant> lockedUntil) {

	}

	private Instant now() {
		return this.clock.instant();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private enum Kind {

		ACCOUNT, ADDRESS

	}

}
