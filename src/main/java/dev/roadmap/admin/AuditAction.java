package dev.roadmap.admin;

/**
 * What an admin did, or a mentor through the API. Some actions record data as their
 * before and after values (role sets, names); the others record a state code, such as
 * {@code ARCHIVED}, which pages show in words.
 */
public enum AuditAction {

	ROLES_CHANGED(false), COHORT_CREATED(false), COHORT_RENAMED(false), COHORT_ARCHIVED(true), COHORT_RESTORED(true),
	LEARNER_ENROLLED(true), LEARNER_UNENROLLED(true), MENTOR_ASSIGNED(true), MENTOR_UNASSIGNED(true),

	// A mentor's review actions through the API, by token (the pages' are not audited).
	API_REVIEW_CLAIMED(false), API_REVIEW_RELEASED(false), API_REVIEW_APPROVED(false), API_CHANGES_REQUESTED(false),
	API_REVIEW_COMMENTED(false);

	private final boolean coded;

	AuditAction(boolean coded) {
		this.coded = coded;
	}

	/**
	 * Whether the before and after values are state codes rather than data.
	 */
	public boolean coded() {
		return this.coded;
	}

}
