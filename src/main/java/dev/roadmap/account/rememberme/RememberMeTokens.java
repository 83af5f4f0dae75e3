package dev.roadmap.account.rememberme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored "keep me logged in" tokens: one row per browser (series), holding only the
 * SHA-256 of its current token and of the one it replaced.
 */
@Repository
public class RememberMeTokens {

	private final JdbcClient jdbc;

	RememberMeTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String series, long userId, byte[] tokenHash, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				insert into remember_me_token (series, user_id, token_hash, created_at, last_used_at, expires_at)
				values (:series, :userId, :tokenHash, :now, :now, :expiresAt)
				""")
			.param("series", series)
			.param("userId", userId)
			.param("tokenHash", tokenHash)
			.param("now", timestamp(now))
			.param("expiresAt", timestamp(expiresAt))
			.update();
	}

	Optional<Token> find(String series) {
		return this.jdbc.sql("""
				select series, user_id, token_hash, previous_token_hash, rotated_at, expires_at
				from remember_me_token where series = :series
				""").param("series", series).query(RememberMeTokens::token).optional();
	}

	/**
	 * Replaces the token, provided it is still the one expected (two requests may race).
	 * @return whether it was replaced
	 */
	boolean rotate(String series, byte[] expectedHash, byte[] newHash, Instant now) {
		return this.jdbc.sql("""
				update remember_me_token
				set previous_token_hash = token_hash, token_hash = :newHash, rotated_at = :now, last_used_at = :now
				where series = :series and token_hash = :expectedHash
				""")
			.param("series", series)
			.param("expectedHash", expectedHash)
			.param("newHash", newHash)
			.param("now", timestamp(now))
			.update() == 1;
	}

	void delete(String series) {
		this.jdbc.sql("delete from remember_me_token where series = :series").param("series", series).update();
	}

	/**
	 * Forgets every browser the user asked to be kept logged in on.
	 * @return how many there were
	 */
	public int deleteAllOf(long userId) {
		return this.jdbc.sql("delete from remember_me_token where user_id = :userId").param("userId", userId).update();
	}

	public int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from remember_me_token where expires_at <= :now")
			.param("now", timestamp(now))
			.update();
	}

	private static Token token(ResultSet rs, int row) throws SQLException {
		OffsetDateTime rotatedAt = rs.getObject("rotated_at", OffsetDateTime.class);
		return new Token(rs.getString("series"), rs.getLong("user_id"), rs.getBytes("token_hash"),
				rs.getBytes("previous_token_hash"), (rotatedAt != null) ? rotatedAt.toInstant() : null,
				rs.getObject("expires_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	record Token(String series, long userId, byte[] tokenHash, byte[] previousTokenHash, Instant rotatedAt,
			Instant expiresAt) {

	}

}
