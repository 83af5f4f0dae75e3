package dev.roadmap.api;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRateLimitsTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final TokenRateLimits limits = new TokenRateLimits(60, this.now::get);

	@Test
	void aTokenMayBurstAMinutesWorthThenWaitsForTheRefill() {
		for (int i = 0; i < 60; i++) {
			assertThat(this.limits.take(7)).as("request %d", i).isZero();
		}
		assertThat(this.limits.take(7)).as("the 61st at once").isEqualTo(1);
		assertThat(this.limits.take(8)).as("another token").isZero();

		this.now.addAndGet(1_000_000_000L);

		assertThat(this.limits.take(7)).as("a second later, one more").isZero();
		assertThat(this.limits.take(7)).isEqualTo(1);
	}

	@Test
	void theWaitSaysWhenTheNextRequestFits() {
		TokenRateLimits slow = new TokenRateLimits(2, this.now::get);
		assertThat(slow.take(1)).isZero();
		assertThat(slow.take(1)).isZero();

		assertThat(slow.take(1)).as("one request per 30 s").isEqualTo(30);
		this.now.addAndGet(29_000_000_000L);
		assertThat(slow.take(1)).isEqualTo(1);
		this.now.addAndGet(1_000_000_000L);
		assertThat(slow.take(1)).isZero();
	}

}
