package dev.roadmap.progress.review;

/**
 * Where a mentor's review of a learner's skill stands.
 */
public enum ReviewState {

	/** Nobody asked for a review. */
	NONE,
	/** The learner asked; a mentor has yet to decide. */
	REQUESTED,
	/** A mentor asked for changes; the learner may reply and ask again. */
	CHANGES_REQUESTED,
	/** A mentor approved: while the skill is done, it is verified. */
	APPROVED

}
