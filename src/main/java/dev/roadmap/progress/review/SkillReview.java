package dev.roadmap.progress.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.roadmap.progress.SkillStatus;

/**
 * A learner's skill as a mentor reviews it: status, evidence, review state, its
 * iterations and conversation.
 *
 * @param evidence the current iteration's evidence
 * @param iteration the current iteration's number; 0 before any evidence was submitted
 * @param iterations every iteration, oldest first (empty where only the current state was
 * read)
 * @param comments the conversation, oldest message first
 */
public record SkillReview(long learnerId, long skillId, SkillStatus status, ReviewState state, Evidence evidence,
		Instant requestedAt, Instant reviewedAt, int iteration, List<ReviewIteration> iterations,
		List<ReviewComment> comments) {

	public SkillReview {
		iterations = List.copyOf(iterations);
		comments = List.copyOf(comments);
	}

	public static SkillReview none(long learnerId, long skillId, SkillStatus status) {
		return new SkillReview(learnerId, skillId, status, ReviewState.NONE, Evidence.NONE, null, null, 0, List.of(),
				List.of());
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

	/**
	 * The iteration before the current one, to compare it with.
	 */
	public Optional<ReviewIteration> previousIteration() {
		return this.iterations.stream().filter((each) -> each.number() == this.iteration - 1).findFirst();
	}

	public Optional<ReviewIteration> currentIteration() {
		return this.iterations.stream().filter((each) -> each.number() == this.iteration).findFirst();
	}

	/**
	 * The messages written while the iteration was the current one, oldest first.
	 */
	public List<ReviewComment> commentsOn(int number) {
		return this.comments.stream().filter((comment) -> comment.iteration() == number).toList();
	}

}
