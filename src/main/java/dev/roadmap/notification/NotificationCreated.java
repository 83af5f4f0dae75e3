package dev.roadmap.notification;

/**
 * Published inside the transaction that stored a notification, so that it is e-mailed
 * once that transaction has committed.
 */
record NotificationCreated(long id, long recipientId, long learnerId, NotificationKind kind, String actorName,
		String skillTitle) {

	/**
	 * Whether it tells a mentor about a learner's review (a request, a new iteration, a
	 * reply, a withdrawn verification), which a mentor may take as a daily digest
	 * instead; what it tells a learner about their own review is always mailed.
	 */
	boolean forAMentor() {
		return this.recipientId != this.learnerId;
	}

}
