package dev.roadmap.mentoring.internal;

import java.util.List;
import java.util.Optional;

import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.MentoredCohort;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The cohorts: entities to change, {@link Cohort} and {@link MentoredCohort} records to
 * read, each in one statement.
 */
public interface Cohorts extends Repository<CohortEntity, Long> {

	String COHORT = "select new dev.roadmap.mentoring.Cohort(c.id, c.name, c.archived, c.learners, c.mentors)"
			+ " from CohortEntity c";

	CohortEntity saveAndFlush(CohortEntity cohort);

	Optional<CohortEntity> findById(Long id);

	boolean existsById(Long id);

	void flush();

	boolean existsByNameAndIdNot(String name, long id);

	@Query(COHORT + " where c.id = :id")
	Optional<Cohort> findCohort(long id);

	/**
	 * Every cohort, active ones first, by name.
	 */
	@Query(COHORT + " order by c.archived, lower(c.name)")
	List<Cohort> findAllCohorts();

	/**
	 * The active cohorts the mentor mentors, by name.
	 */
	@Query("""
			select new dev.roadmap.mentoring.MentoredCohort(c.id, c.name) from CohortEntity c
			where c.archived = false
			and exists (select 1 from CohortMentor m where m.cohortId = c.id and m.userId = :mentorId)
			order by lower(c.name)""")
	List<MentoredCohort> findActiveMentoredBy(long mentorId);

}
