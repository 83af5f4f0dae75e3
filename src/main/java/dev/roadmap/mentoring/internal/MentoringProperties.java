package dev.roadmap.mentoring.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How the mentor pages judge time ({@code roadmap.mentor.*}).
 *
 * @param stuckAfter a learner with no activity for this long is flagged "stuck"
 * @param overdueAfter a review request waiting longer is highlighted
 * @param claimLapsesAfter a mentor's claim on a review request lapses after this long
 * untouched
 */
@ConfigurationProperties("roadmap.mentor")
public record MentoringProperties(@DefaultValue("14d") Duration stuckAfter, @DefaultValue("7d") Duration overdueAfter,
		@DefaultValue("30m") Duration claimLapsesAfter) {

	public MentoringProperties {
		Assert.isTrue(isPositive(stuckAfter), "roadmap.mentor.stuck-after must be positive");
		Assert.isTrue(isPositive(overdueAfter), "roadmap.mentor.overdue-after must be positive");
		Assert.isTrue(isPositive(claimLapsesAfter), "roadmap.mentor.claim-lapses-after must be positive");
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
