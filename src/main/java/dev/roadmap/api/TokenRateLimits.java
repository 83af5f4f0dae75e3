package dev.roadmap.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many requests each token may make: a bucket per token that holds a minute's worth
 * of requests and refills evenly, so a script may burst, then runs at the rate. Kept in
 * this instance's memory (several instances each allow the rate: docs/decisions.md), for
 * the tokens used lately; past {@link #MAX_TRACKED} tokens the buckets start over.
 */
final class TokenRateLimits {

	static final int MAX_TRACKED = 10_000;

	private final int perMinute;

	private final LongSupplier nanoTime;

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	TokenRateLimits(int perMinute, LongSupplier nanoTime) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("roadmap.api.requests-per-minute must be at least 1");
		}
		this.perMinute = perMinute;
		this.nanoTime = nanoTime;
	}

	int perMinute() {
		return this.perMinute;
	}

	/**
	 * Takes one request from the token's bucket.
	 * @return 0 if the request may go on, else the seconds until it may be retried
	 */
	long take(long tokenId) {
		if (this.buckets.size() >= MAX_TRACKED && !this.buckets.containsKey(tokenId)) {
			this.buckets.clear();
		}
		long now = this.nanoTime.getAsLong();
		return this.buckets.computeIfAbsent(tokenId, (id) -> new Bucket(this.perMinute, now)).take(this.perMinute, now);
	}

	/**
	 * A token's credit, counted exactly: one request costs a minute's nanoseconds, and
	 * every nanosecond earns {@code perMinute}.
	 */
	private static final class Bucket {

		private static final long NANOS_PER_MINUTE = 60_000_000_000L;

		private static final long NANOS_PER_SECOND = 1_000_000_000L;

		private long credit;

		private long updatedAt;

		Bucket(int capacity, long now) {
			this.credit = capacity * NANOS_PER_MINUTE;
			this.updatedAt = now;
		}

		synchronized long take(int perMinute, long now) {
			long elapsed = Math.min(Math.max(0, now - this.updatedAt), NANOS_PER_MINUTE);
			this.credit = Math.min(perMinute * NANOS_PER_MINUTE, this.credit + elapsed * perMinute);
			this.updatedAt = now;
			if (this.credit >= NANOS_PER_MINUTE) {
				this.credit -= NANOS_PER_MINUTE;
				return 0;
			}
			long nanosToOne = (NANOS_PER_MINUTE - this.credit + perMinute - 1) / perMinute;
			return Math.max(1, (nanosToOne + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
		}

	}

}
