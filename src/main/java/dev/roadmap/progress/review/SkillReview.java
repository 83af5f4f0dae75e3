package dev.roadmap.progress.review;

import java.time.Instant;
import java.util.List;

import dev.roadmap.progress.SkillStatus;

/**
 * A learner's skill as a mentor reviews it: status, evidence, review state and
 * conversation.
 */
public record SkillReview(long learnerId, long skillId, SkillStatus status, ReviewState state, Evidence evidence,
		Instant requestedAt, Instant reviewedAt, List<ReviewComment> comments) {

	public SkillReview {
		comments = List.copyOf(comments);
	}

	public static SkillReview none(long learnerId, long skillId, SkillStatus status) {
		return new SkillReview(learnerId, skillId, status, ReviewState.NONE, Evidence.NONE, null, null, List.of());
	}

	/**
	 * A skill is verified while it is done and a mentor approved it.
	 */
	public boolean verified() {
		return this.status == SkillStatus.DONE && this.state == ReviewState.APPROVED;
	}

	/**
	 * Whether a mentor should look at it now.
	 */
	public boolean awaitingReview() {
		return this.status == SkillStatus.DONE && this.state == ReviewState.REQUESTED;
	}

}
