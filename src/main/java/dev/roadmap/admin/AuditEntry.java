package dev.roadmap.admin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One line of the audit log: who did what, when (in UTC), to what, and the value before
 * and after. Ids are null where what they named no longer exists.
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, Long actorId, String actorName, String actorEmail,
		AuditAction action, Long targetUserId, String targetUserLabel, Long targetCohortId, String targetCohortLabel,
		String beforeValue, String afterValue) {

	public AuditEntry {
		occurredAt = occurredAt.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
