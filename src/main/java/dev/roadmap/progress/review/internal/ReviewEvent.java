package dev.roadmap.progress.review.internal;

import java.time.Instant;

import dev.roadmap.progress.review.ReviewAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One review action on a learner's skill, appended and never changed: the learner's
 * history shows these beside their status changes.
 */
@Entity
@Table(name = "review_event")
class ReviewEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long userId;

	private long skillId;

	/** Who acted; null once their account is deleted. */
	private Long actorId;

	@Enumerated(EnumType.STRING)
	private ReviewAction action;

	// The database's now(), the transaction's time: what the action's notification,
	// written in the same transaction, carries too (account erasure matches them so).
	@Column(insertable = false, updatable = false)
	private Instant occurredAt;

	protected ReviewEvent() {
	}

	ReviewEvent(long userId, long skillId, long actorId, ReviewAction action) {
		this.userId = userId;
		this.skillId = skillId;
		this.actorId = actorId;
		this.action = action;
	}

}
