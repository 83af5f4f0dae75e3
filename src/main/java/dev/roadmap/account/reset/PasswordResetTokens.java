package dev.roadmap.account.reset;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import dev.roadmap.shared.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored password reset tokens. A token is 32 random bytes, URL-safe Base64 (43
 * characters); only its SHA-256 hash is stored, so a copy of the database opens no
 * account. A token is good once, for {@link #VALIDITY} after it was made.
 */
@Component
public class PasswordResetTokens {

	static final Duration VALIDITY = Duration.ofMinutes(30);

	/** How many reset links one account gets per hour; more requests are ignored. */
	static final int MAX_PER_HOUR = 3;

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	PasswordResetTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes a token for the user, unless they had {@link #MAX_PER_HOUR} in the last hour.
	 * Locks the user's row first, so simultaneous requests count one after the other.
	 * @return the token, to send, or empty when the limit is reached
	 */
	Optional<String> create(long userId) {
		this.jdbc.sql("select id from app_user where id = :user for update")
			.param("user", userId)
			.query(Long.class)
			.list();
		// Old rows serve no purpose once they can count neither as valid nor for the
		// limit.
		this.jdbc
			.sql("delete from password_reset_token where user_id = :user and created_at < now() - interval '1 day'")
			.param("user", userId)
			.update();
		long recent = this.jdbc.sql("""
				select count(*) from password_reset_token
				where user_id = :user and created_at > now() - interval '1 hour'""")
			.param("user", userId)
			.query(Long.class)
			.single();
		if (recent >= MAX_PER_HOUR) {
			return Optional.empty();
		}
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("insert into password_reset_token (user_id, token_hash) values (:user, :hash)")
			.param("user", userId)
			.param("hash", hash(token))
			.update();
		return Optional.of(token);
	}

	/**
	 * The user a token belongs to, if the token exists, is unused and has not expired.
	 * @param lock whether to lock the token's row, to use it
	 */
	Optional<Long> validUser(String token, boolean lock) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select user_id from password_reset_token
				where token_hash = :hash and used_at is null and created_at > now() - make_interval(secs => :seconds)
				""" + (lock ? " for update" : ""))
			.param("hash", hash(token))
			.param("seconds", (double) VALIDITY.toSeconds())
			.query(Long.class)
			.optional();
	}

	/**
	 * Marks every unused token of the user used: after a reset, a password change or a
	 * new e-mail address, no link sent before works.
	 */
	public void invalidateAll(long userId) {
		this.jdbc.sql("update password_reset_token set used_at = now() where user_id = :user and used_at is null")
			.param("user", userId)
			.update();
	}

	public void deleteAll(long userId) {
		this.jdbc.sql("delete from password_reset_token where user_id = :user").param("user", userId).update();
	}

	static String hash(String token) {
		return Sha256.hex(token);
	}

}
