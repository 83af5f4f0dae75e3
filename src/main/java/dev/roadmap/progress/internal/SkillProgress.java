package dev.roadmap.progress.internal;

import java.io.Serializable;
import java.time.Instant;

import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewState;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A learner's progress on one skill: its status and, once they ask for one, its review.
 * Both live on one row so that a status change and a review action on the same skill
 * queue up behind the same row lock ({@link SkillStatuses#lock}). Only changed columns
 * are written, so a status change leaves the review's columns (and their triggers) alone.
 */
@Entity
@Table(name = "skill_status")
@DynamicUpdate
public class SkillProgress {

	@EmbeddedId
	private Key id;

	@Enumerated(EnumType.STRING)
	private SkillStatus status;

	private Instant updatedAt;

	@Enumerated(EnumType.STRING)
	private ReviewState reviewState;

	private String evidenceUrl;

	private String evidenceLiveUrl;

	private String evidenceNote;

	private Instant reviewRequestedAt;

	private Instant reviewedAt;

	private Long reviewedBy;

	private int reviewIteration;

	protected SkillProgress() {
	}

	public long userId() {
		return this.id.userId;
	}

	public long skillId() {
		return this.id.skillId;
	}

	public SkillStatus status() {
		return this.status;
	}

	public ReviewState reviewState() {
		return this.reviewState;
	}

	/**
	 * The current iteration's number: 0 before any evidence was submitted.
	 */
	public int reviewIteration() {
		return this.reviewIteration;
	}

	/**
	 * The current iteration's evidence.
	 */
	public Evidence evidence() {
		return new Evidence(this.evidenceUrl, this.evidenceLiveUrl, this.evidenceNote);
	}

	public boolean awaitingReview() {
		return this.status == SkillStatus.DONE && this.reviewState == ReviewState.REQUESTED;
	}

	/**
	 * Moves the status, stamped with when the change was made (under the row's lock).
	 */
	public void changeStatus(SkillStatus to, Instant at) {
		this.status = to;
		this.updatedAt = at;
	}

	/**
	 * Makes the evidence the current iteration, numbered after the last, and marks the
	 * request waiting; a new request is stamped, a new iteration of a waiting one keeps
	 * its place in the queue.
	 * @return the new iteration's number
	 */
	public int submitIteration(Evidence evidence, Instant at) {
		if (this.reviewState != ReviewState.REQUESTED) {
			this.reviewRequestedAt = at;
		}
		this.reviewState = ReviewState.REQUESTED;
		this.evidenceUrl = evidence.url();
		this.evidenceLiveUrl = evidence.liveUrl();
		this.evidenceNote = evidence.note();
		this.reviewIteration++;
		return this.reviewIteration;
	}

	/**
	 * Takes back an approval: the review is as if never asked for, its evidence kept for
	 * the next request and its decision (who, when) kept as history.
	 */
	public void withdrawApproval() {
		this.reviewState = ReviewState.NONE;
	}

	public void decide(ReviewState decision, long mentorId, Instant at) {
		this.reviewState = decision;
		this.reviewedBy = mentorId;
		this.reviewedAt = at;
	}

	/**
	 * Which learner and skill a row is about.
	 */
	@Embeddable
	public static class Key implements Serializable {

		@Column(name = "user_id")
		private long userId;

		@Column(name = "skill_id")
		private long skillId;

		protected Key() {
		}

		public Key(long userId, long skillId) {
			this.userId = userId;
			this.skillId = skillId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.userId == this.userId && key.skillId == this.skillId;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.userId) * 31 + Long.hashCode(this.skillId);
		}

	}

}
