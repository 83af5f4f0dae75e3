package dev.roadmap.progress.review;

/**
 * Published after every review action, for other modules to react to (notifications).
 *
 * @param learnerId whose skill it is
 * @param actorId who acted: the learner, or a mentor
 */
public record ReviewActivity(ReviewAction action, long learnerId, long skillId, String skillTitle, long actorId) {

	public boolean byLearner() {
		return this.actorId == this.learnerId;
	}

}
