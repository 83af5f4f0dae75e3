package dev.roadmap.account.login;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

import dev.roadmap.shared.EmailAddresses;
import dev.roadmap.shared.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * nothing about whether an account exists.
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

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

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
	public Attempt begin(String username, String address) {
		Instant now = now();
		Count account = claim(Kind.ACCOUNT, accountKey(username), this.properties.maxFailures(), now);
		if (address == null) {
			return new Attempt(address, account, null);
		}
		try {
			return new Attempt(address, account,
					claim(Kind.ADDRESS, addressKey(address), this.properties.maxFailuresPerAddress(), now));
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
			.param("account", accountKey(username))
			.param("address", addressKey(address))
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
	private void release(Count count) {
		this.jdbc.sql("""
				update login_attempt set failures = greatest(failures - 1, 0), locked_until = null
				where kind = :kind and key_hash = :key and window_start = :windowStart
				""")
			.param("kind", count.kind().name())
			.param("key", count.key())
			.param("windowStart", count.windowStart())
			.update();
	}

	private void forget(Count count) {
		this.jdbc.sql("delete from login_attempt where kind = :kind and key_hash = :key")
			.param("kind", count.kind().name())
			.param("key", count.key())
			.update();
	}

	/**
	 * A login whose password is being checked, counted as a failure until it is told
	 * otherwise.
	 */
	public final class Attempt {

		private final String address;

		private final Count account;

		private final Count fromAddress;

		private Attempt(String address, Count account, Count fromAddress) {
			this.address = address;
			this.account = account;
			this.fromAddress = fromAddress;
		}

		/**
		 * The password was right: the account's failures are forgotten. The address keeps
		 * the failures it had: one good password must not let a sprayer start over.
		 */
		public void succeeded() {
			forget(this.account);
			if (this.fromAddress != null) {
				release(this.fromAddress);
			}
		}

		/**
		 * The password was wrong; it stays counted.
		 * @return when the account or the address may try again, if this failure locked
		 * either of them
		 */
		public Optional<Instant> failed() {
			Optional<Instant> addressLock = (this.fromAddress != null) ? this.fromAddress.lockedUntil()
					: Optional.empty();
			addressLock.ifPresent(
					(until) -> logger.warn("{} failed logins from {} within {}: logins from there are refused until {}",
							LoginThrottle.this.properties.maxFailuresPerAddress(), this.address,
							LoginThrottle.this.properties.failureWindow(), until));
			this.account.lockedUntil()
				.ifPresent((until) -> logger.warn(
						"{} failed logins for one e-mail address (the last from {}) within {}: its logins are refused until {}",
						LoginThrottle.this.properties.maxFailures(),
						(this.address != null) ? this.address : "an unknown address",
						LoginThrottle.this.properties.failureWindow(), until));
			return this.account.lockedUntil().isPresent() ? this.account.lockedUntil() : addressLock;
		}

		/**
		 * The password was never judged (the account is disabled, or the check broke
		 * down): the try is taken back.
		 */
		public void abandoned() {
			release(this.account);
			if (this.fromAddress != null) {
				release(this.fromAddress);
			}
		}

	}

	/**
	 * One account's or address's count as a claim left it.
	 */
	private record Count(Kind kind, byte[] key, OffsetDateTime windowStart, Optional<Instant> lockedUntil) {

	}

	private Instant now() {
		return this.clock.instant();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static byte[] accountKey(String username) {
		return Sha256.of("account:" + EmailAddresses.normalize(username));
	}

	/**
	 * An IPv4 address as it is; an IPv6 address by its /64 network, which one customer
	 * usually holds whole.
	 */
	static byte[] addressKey(String address) {
		if (address == null) {
			return Sha256.of("address:");
		}
		if (address.indexOf(':') >= 0) {
			// An IPv6 literal: parsed without any name lookup.
			try {
				byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|%.*$|\\]$", "")).getAddress();
				if (bytes.length == 16) {
					Arrays.fill(bytes, 8, 16, (byte) 0);
					return Sha256.of("address:" + InetAddress.getByAddress(bytes).getHostAddress());
				}
			}
			catch (UnknownHostException ex) {
				// not an address after all: count it as it was given
			}
		}
		return Sha256.of("address:" + address);
	}

	private enum Kind {

		ACCOUNT, ADDRESS

	}

}
