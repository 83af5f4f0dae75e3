package dev.roadmap.progress;

import java.time.Instant;

/**
 * One event of a learner's history: a status change, or a review action.
 *
 * @param kind {@code STATUS} for a status change, else the {@link ReviewAction} name
 * @param from the status before a status change, else null
 * @param to the status after a status change, else null
 * @param actorName who acted, for review actions (null for status changes, made by the
 * learner)
 */
public record HistoryEntry(Instant at, String kind, long skillId, SkillStatus from, SkillStatus to, String actorName) {

	public boolean statusChange() {
		return "STATUS".equals(this.kind);
	}

}
