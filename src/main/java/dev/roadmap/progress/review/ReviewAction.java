package dev.roadmap.progress.review;

/**
 * Something that happened in a review, recorded as an event.
 */
public enum ReviewAction {

	REQUESTED,

	/**
	 * The learner submitted a new iteration of a request that was already waiting.
	 */
	RESUBMITTED,

	COMMENTED, CHANGES_REQUESTED, APPROVED,

	/**
	 * The learner moved a verified skill away from done: the approval was for work they
	 * no longer claim, so it is withdrawn, and done again it waits for a new review.
	 */
	UNVERIFIED

}
