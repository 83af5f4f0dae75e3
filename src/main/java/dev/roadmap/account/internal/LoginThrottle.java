package dev.roadmap.account.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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
 * nothing about whether an account exists. Each update is a single upsert, so concurrent
 * failures on several instances are all counted.
 */
@Component
public class LoginThrottle {

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
	 * Counts a failed login for the account and the address.
	 * @return when they may try again, if this failure locked either of them
	 */
	public Optional<Instant> recordFailure(String username, String address) {
		Instant now = now();
		Optional<Instant> accountLock = count(Kind.ACCOUNT, accountKey(username), this.properties.maxFailures(), now);
		Optional<Instant> addressLock = Optional.empty();
		if (address != null) {
			addressLock = count(Kind.ADDRESS, addressKey(address), this.properties.maxFailuresPerAddress(), now);
			addressLock.ifPresent(
					(until) -> logger.warn("{} failed logins from {} within {}: logins from there are refused until {}",
							this.properties.maxFailuresPerAddress(), address, this.properties.failureWindow(), until));
		}
		accountLock.ifPresent((until) -> logger.warn(
				"{} failed logins for one e-mail address (the last from {}) within {}: its logins are refused until {}",
				this.properties.maxFailures(), (address != null) ? address : "an unknown address",
				this.properties.failureWindow(), until));
		return accountLock.isPresent() ? accountLock : addressLock;
	}

	/**
	 * Forgets the account's failures after a successful login. The address keeps its
	 * count: one good password must not let a sprayer start over.
	 */
	public void recordSuccess(String username) {
		this.jdbc.sql("delete from login_attempt where kind = 'ACCOUNT' and key_hash = :account")
			.param("account", accountKey(username))
			.update();
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

	private Optional<Instant> count(Kind kind, byte[] key, int maxFailures, Instant now) {
		OffsetDateTime windowStart = timestamp(now.minus(this.properties.failureWindow()));
		int failures = this.jdbc.sql("""
				insert into login_attempt as attempt (kind, key_hash, failures, window_start)
				values (:kind, :key, 1, :now)
				on conflict (kind, key_hash) do update set
				    failures = case when attempt.window_start > :windowStart then attempt.failures + 1 else 1 end,
				    window_start = case when attempt.window_start > :windowStart then attempt.window_start else :now end
				returning failures
				""")
			.param("kind", kind.name())
			.param("key", key)
			.param("now", timestamp(now))
			.param("windowStart", windowStart)
			.query(Integer.class)
			.single();
		if (failures < maxFailures) {
			return Optional.empty();
		}
		Instant until = now.plus(this.properties.lockDuration());
		// Counting starts again once the lock is over.
		this.jdbc.sql("""
				update login_attempt set failures = 0, window_start = :now, locked_until = :until
				where kind = :kind and key_hash = :key
				""")
			.param("now", timestamp(now))
			.param("until", timestamp(until))
			.param("kind", kind.name())
			.param("key", key)
			.update();
		return Optional.of(until);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static byte[] accountKey(String username) {
		return sha256("account:" + username.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * An IPv4 address as it is; an IPv6 address by its /64 network, which one customer
	 * usually holds whole.
	 */
	static byte[] addressKey(String address) {
		if (address == null) {
			return sha256("address:");
		}
		if (address.indexOf(':') >= 0) {
			// An IPv6 literal: parsed without any name lookup.
			try {
				byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|%.*$|\\]$", "")).getAddress();
				if (bytes.length == 16) {
					Arrays.fill(bytes, 8, 16, (byte) 0);
					return sha256("address:" + InetAddress.getByAddress(bytes).getHostAddress());
				}
			}
			catch (UnknownHostException ex) {
				// not an address after all: count it as it was given
			}
		}
		return sha256("address:" + address);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private enum Kind {

		ACCOUNT, ADDRESS

	}

}
