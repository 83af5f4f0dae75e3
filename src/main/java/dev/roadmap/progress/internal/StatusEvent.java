package dev.roadmap.progress.internal;

import java.time.Instant;

import dev.roadmap.progress.SkillStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One real change of a learner's status, appended and never changed: the history, streaks
 * and the activity calendar are drawn from these.
 */
@Entity
@Table(name = "status_event")
public class StatusEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long userId;

	private long skillId;

	@Enumerated(EnumType.STRING)
	private SkillStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private SkillStatus toStatus;

	private Instant occurredAt;

	protected StatusEvent() {
	}

	public StatusEvent(long userId, long skillId, SkillStatus from, SkillStatus to, Instant occurredAt) {
		this.userId = userId;
		this.skillId = skillId;
		this.fromStatus = from;
		this.toStatus = to;
		this.occurredAt = occurredAt;
	}

}
