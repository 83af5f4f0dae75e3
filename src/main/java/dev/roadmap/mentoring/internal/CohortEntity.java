package dev.roadmap.mentoring.internal;

import dev.roadmap.mentoring.Cohort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;

/**
 * A cohort, as its admin changes it: created, renamed, archived or restored. Its members
 * are {@link CohortLearner} and {@link CohortMentor} rows, referred to by id. Pages read
 * cohorts as {@link Cohort} records through {@link Cohorts}' queries, not as entities.
 * <p>
 * Updates write only the column that changed, so a rename never puts back the archived
 * flag it read, nor archiving the name, when two admins act at once.
 */
@Entity
@Table(name = "cohort")
@DynamicUpdate
public class CohortEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private boolean archived;

	/**
	 * Kept on the row by the database on every enrolment and unenrolment (V19): read,
	 * never written.
	 */
	@Column(insertable = false, updatable = false)
	private int learners;

	/**
	 * Counted when the cohort is read: a cohort has a handful of mentors.
	 */
	@Formula("(select count(*) from cohort_mentor m where m.cohort_id = id)")
	private int mentors;

	protected CohortEntity() {
	}

	public CohortEntity(String name) {
		this.name = name;
	}

	public void rename(String name) {
		this.name = name;
	}

	public void setArchived(boolean archived) {
		this.archived = archived;
	}

	public Cohort toCohort() {
		return new Cohort(this.id, this.name, this.archived, this.learners, this.mentors);
	}

}
