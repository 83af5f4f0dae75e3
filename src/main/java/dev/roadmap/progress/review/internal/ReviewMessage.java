package dev.roadmap.progress.review.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message of a review's conversation, from the learner or a mentor.
 */
@Entity
@Table(name = "review_comment")
class ReviewMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long userId;

	private long skillId;

	/** Who wrote it; null once their account is deleted. */
	private Long authorId;

	private String body;

	/** The iteration that was current when it was written. */
	private int iteration;

	// The database's now(), the time of the action the message belongs to.
	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	protected ReviewMessage() {
	}

	ReviewMessage(long userId, long skillId, long authorId, String body, int iteration) {
		this.userId = userId;
		this.skillId = skillId;
		this.authorId = authorId;
		this.body = body;
		this.iteration = iteration;
	}

}
