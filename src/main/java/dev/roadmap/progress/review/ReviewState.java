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
	APPROVED;

	/**
	 * Whether the conversation is open: the request waits, or changes were requested.
	 * Learner and mentors talk while it is; an approval closes it.
	 */
	public boolean conversationOpen() {
		return this == REQUESTED || this == CHANGES_REQUESTED;
	}

}
