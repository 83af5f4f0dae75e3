package dev.roadmap.mentoring.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLInsert;
import org.hibernate.jdbc.Expectation;

/**
 * A learner enrolled in a cohort. The insert binds the id's fields in their declared
 * order; a row that exists is skipped, so no row count is expected.
 */
@Entity
@Table(name = "cohort_learner")
@SQLInsert(sql = "insert into cohort_learner (cohort_id, user_id) values (?, ?) on conflict do nothing",
		verify = Expectation.None.class)
public class CohortLearner extends CohortMembership {

	/**
	 * Set by the database when the row is inserted.
	 */
	@Column(insertable = false, updatable = false)
	private Instant enrolledAt;

	protected CohortLearner() {
	}

	public CohortLearner(long cohortId, long userId) {
		super(cohortId, userId);
	}

}
