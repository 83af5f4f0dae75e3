package dev.roadmap.progress.review.internal;

import java.io.Serializable;
import java.time.Instant;

import dev.roadmap.progress.review.Evidence;
import dev.roadmap.shared.AlwaysInserted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One submission of evidence for a review, numbered from 1 per learner and skill. Written
 * once and never changed: what a mentor saw stays what they saw.
 */
@Entity
@Table(name = "review_iteration")
@IdClass(Iteration.Key.class)
@Immutable
class Iteration extends AlwaysInserted<Iteration.Key> {

	@Id
	private long userId;

	@Id
	private long skillId;

	@Id
	private int number;

	private String evidenceUrl;

	private String evidenceLiveUrl;

	private String evidenceNote;

	private Instant submittedAt;

	protected Iteration() {
	}

	Iteration(long userId, long skillId, int number, Evidence evidence, Instant submittedAt) {
		this.userId = userId;
		this.skillId = skillId;
		this.number = number;
		this.evidenceUrl = evidence.url();
		this.evidenceLiveUrl = evidence.liveUrl();
		this.evidenceNote = evidence.note();
		this.submittedAt = submittedAt;
	}

	@Override
	public Key getId() {
		return new Key(this.userId, this.skillId, this.number);
	}

	/**
	 * An iteration's id: the learner, the skill and the number.
	 */
	record Key(long userId, long skillId, int number) implements Serializable {
	}

}
