package dev.roadmap.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long ago, in words from the messages, with their plurals.
 */
class TimeFormatTests {

	private static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");

	private final TimeFormat time = new TimeFormat(messages(), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void howLongItHasBeenIsInTheLargestWholeUnit() {
		assertThat(this.time.since(before(Duration.ofSeconds(59)))).isEqualTo("less than a minute");
		assertThat(this.time.since(before(Duration.ofMinutes(1)))).isEqualTo("1 minute");
		assertThat(this.time.since(before(Duration.ofMinutes(59)))).isEqualTo("59 minutes");
		assertThat(this.time.since(before(Duration.ofHours(1)))).isEqualTo("1 hour");
		assertThat(this.time.since(before(Duration.ofHours(23).plusMinutes(59)))).isEqualTo("23 hours");
		assertThat(this.time.since(before(Duration.ofDays(1)))).isEqualTo("1 day");
		assertThat(this.time.since(before(Duration.ofDays(12)))).isEqualTo("12 days");
	}

	@Test
	void aLengthOfTimeReadsAsHowLongItHasBeen() {
		assertThat(this.time.duration(Duration.ofMinutes(90))).isEqualTo("1 hour");
		assertThat(this.time.duration(Duration.ofDays(3).plusHours(5))).isEqualTo("3 days");
		assertThat(this.time.duration(Duration.ofSeconds(20))).isEqualTo("less than a minute");
		assertThat(this.time.duration(null)).isEmpty();
	}

	@Test
	void howLongAgoSaysAgo() {
		assertThat(this.time.ago(before(Duration.ofSeconds(30)))).isEqualTo("just now");
		assertThat(this.time.ago(before(Duration.ofMinutes(1)))).isEqualTo("1 minute ago");
		assertThat(this.time.ago(before(Duration.ofMinutes(5)))).isEqualTo("5 minutes ago");
		assertThat(this.time.ago(before(Duration.ofHours(1)))).isEqualTo("1 hour ago");
		assertThat(this.time.ago(before(Duration.ofHours(3)))).isEqualTo("3 hours ago");
		assertThat(this.time.ago(before(Duration.ofDays(1)))).isEqualTo("yesterday");
		assertThat(this.time.ago(before(Duration.ofDays(20)))).isEqualTo("20 days ago");
	}

	@Test
	void afterAWeekTheDateIsClearerThanHowLongAgo() {
		assertThat(this.time.agoOrDate(before(Duration.ofDays(6)))).isEqualTo("6 days ago");
		assertThat(this.time.agoOrDate(before(Duration.ofDays(7)))).isEqualTo("on 11 Mar 2026");
	}

	@Test
	void noTimeIsNoText() {
		assertThat(this.time.since(null)).isEmpty();
		assertThat(this.time.ago(null)).isEmpty();
		assertThat(this.time.agoOrDate(null)).isEmpty();
	}

	private static Instant before(Duration duration) {
		return NOW.minus(duration);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
