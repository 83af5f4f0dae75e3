package dev.roadmap.api;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored answers to keyed API writes, per token and key, kept for a day.
 */
@Repository
class IdempotencyRecords {

	/** How long a key's answer is kept, and how long a key may not be reused. */
	static final String KEPT_FOR = "24 hours";

	/**
	 * A request that started this long ago and never finished (a crash) may run again.
	 */
	static final String ABANDONED_AFTER = "1 minute";

	private final JdbcClient jdbc;

	IdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the key for a request with that fingerprint, or says why not.
	 */
	Claim claim(long tokenId, String key, byte[] fingerprint) {
		this.jdbc.sql("""
				delete from api_idempotency_key where token_id = :token
					and (created_at < now() - cast(:kept as interval)
						or (status is null and created_at < now() - cast(:abandoned as interval)))""")
			.param("token", tokenId)
			.param("kept", KEPT_FOR)
			.param("abandoned", ABANDONED_AFTER)
			.update();
		int inserted = this.jdbc.sql("""
				insert into api_idempotency_key (token_id, idempotency_key, fingerprint, created_at)
				values (:token, :key, :fingerprint, now()) on conflict do nothing""")
			.param("token", tokenId)
			.param("key", key)
			.param("fingerprint", fingerprint)
			.update();
		if (inserted == 1) {
			return Claim.NEW;
		}
		Optional<Claim> earlier = this.jdbc.sql("""
				select fingerprint, status, content_type, body from api_idempotency_key
				where token_id = :token and idempotency_key = :key""")
			.param("token", tokenId)
			.param("key", key)
			.query((rs, row) -> {
				if (!Arrays.equals(rs.getBytes("fingerprint"), fingerprint)) {
					return Claim.OTHER_REQUEST;
				}
				int status = rs.getInt("status");
				return rs.wasNull() ? Claim.RUNNING
						: new Claim(Kind.ANSWERED, status, rs.getString("content_type"), rs.getString("body"));
			})
			.optional();
		// Gone in between (it expired): claim it afresh.
		return earlier.orElseGet(() -> claim(tokenId, key, fingerprint));
	}

	void answered(long tokenId, String key, int status, String contentType, String body) {
		this.jdbc.sql("""
				update api_idempotency_key set status = :status, content_type = :contentType, body = :body
				where token_id = :token and idempotency_key = :key""")
			.param("status", status)
			.param("contentType", contentType)
			.param("body", body)
			.param("token", tokenId)
			.param("key", key)
			.update();
	}

	/**
	 * Lets the key go, for a request that failed on the server's side: a retry runs it
	 * again.
	 */
	void release(long tokenId, String key) {
		this.jdbc.sql("delete from api_idempotency_key where token_id = :token and idempotency_key = :key")
			.param("token", tokenId)
			.param("key", key)
			.update();
	}

	enum Kind {

		NEW, RUNNING, OTHER_REQUEST, ANSWERED

	}

	record Claim(Kind kind, int status, String contentType, String body) {

		static final Claim NEW = new Claim(Kind.NEW, 0, null, null);

		static final Claim RUNNING = new Claim(Kind.RUNNING, 0, null, null);

		static final Claim OTHER_REQUEST = new Claim(Kind.OTHER_REQUEST, 0, null, null);

	}

}
