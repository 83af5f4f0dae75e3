package dev.roadmap.progress.review.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How reviews judge time. They keep the {@code roadmap.mentor.*} names they had when the
 * queue lived in mentoring, so existing configurations still apply.
 *
 * @param overdueAfter a review request waiting longer is highlighted
 * @param claimLapsesAfter a mentor's claim on a review request lapses after this long
 * untouched
 */
@ConfigurationProperties("roadmap.mentor")
public record ReviewProperties(@DefaultValue("7d") Duration overdueAfter,
		@DefaultValue("30m") Duration claimLapsesAfter) {

	public ReviewProperties {
		Assert.isTrue(isPositive(overdueAfter), "roadmap.mentor.overdue-after must be positive");
		Assert.isTrue(isPositive(claimLapsesAfter), "roadmap.mentor.claim-lapses-after must be positive");
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
