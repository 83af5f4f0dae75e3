package dev.roadmap.mentoring.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How the mentor pages judge time ({@code roadmap.mentor.*}; the review settings under
 * the same prefix belong to the review workflow).
 *
 * @param stuckAfter a learner with no activity for this long is flagged "stuck"
 * @param stuckNudge whether a learner who looks stuck gets a friendly e-mail (once for
 * each spell of inactivity, at most once a week)
 * @param stuckNudgeInterval how often the learners who look stuck are looked for
 */
@ConfigurationProperties("roadmap.mentor")
public record MentoringProperties(@DefaultValue("14d") Duration stuckAfter, @DefaultValue("true") boolean stuckNudge,
		@DefaultValue("1h") Duration stuckNudgeInterval) {

	public MentoringProperties {
		Assert.isTrue(isPositive(stuckAfter), "roadmap.mentor.stuck-after must be positive");
		Assert.isTrue(isPositive(stuckNudgeInterval), "roadmap.mentor.stuck-nudge-interval must be positive");
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
