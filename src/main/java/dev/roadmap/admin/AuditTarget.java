package dev.roadmap.admin;

import dev.roadmap.account.Account;
import dev.roadmap.mentoring.Cohort;

/**
 * What an audited action was done to: a user, a cohort, or a user in a cohort. The labels
 * are copied into the log so that an entry keeps its meaning after a rename.
 */
public record AuditTarget(Long userId, String userLabel, Long cohortId, String cohortLabel) {

	public static AuditTarget user(long id, String displayName, String email) {
		return new AuditTarget(id, userLabel(displayName, email), null, null);
	}

	public static AuditTarget user(Account account) {
		return user(account.id(), account.displayName(), account.email());
	}

	public static AuditTarget cohort(Cohort cohort) {
		return new AuditTarget(null, null, cohort.id(), cohort.name());
	}

	public static AuditTarget member(Cohort cohort, long userId, String displayName, String email) {
		return new AuditTarget(userId, userLabel(displayName, email), cohort.id(), cohort.name());
	}

	private static String userLabel(String displayName, String email) {
		return displayName + " (" + email + ")";
	}

}
