package dev.roadmap.notification;

import dev.roadmap.progress.review.ReviewAction;

/**
 * What a notification is about; each has its text, {@code notification.KIND}, in the
 * module's message bundle.
 */
public enum NotificationKind {

	REVIEW_REQUESTED, RESUBMITTED, COMMENTED, CHANGES_REQUESTED, APPROVED, UNVERIFIED;

	static NotificationKind of(ReviewAction action) {
		return switch (action) {
			case REQUESTED -> REVIEW_REQUESTED;
			case RESUBMITTED -> RESUBMITTED;
			case COMMENTED -> COMMENTED;
			case CHANGES_REQUESTED -> CHANGES_REQUESTED;
			case APPROVED -> APPROVED;
			case UNVERIFIED -> UNVERIFIED;
		};
	}

	/**
	 * The key of this kind's text, which takes the actor's name and the skill's title.
	 */
	public String messageKey() {
		return "notification." + name();
	}

}
