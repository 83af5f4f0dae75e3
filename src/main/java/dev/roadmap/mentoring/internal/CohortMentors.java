package dev.roadmap.mentoring.internal;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Who mentors which cohort, and so whom. Removing is one statement, not Spring Data's
 * read-then-remove; either way the database's triggers (V19) keep the totals.
 */
public interface CohortMentors extends Repository<CohortMentor, CohortMembership.Key> {

	/**
	 * Assigns the mentor at once (the triggers take their locks here, in the order V19
	 * describes); assigning someone assigned changes nothing.
	 */
	CohortMentor saveAndFlush(CohortMentor mentor);

	@Modifying
	@Query("delete from CohortMentor m where m.cohortId = :cohortId and m.userId = :userId")
	void delete(long cohortId, long userId);

	@Modifying
	@Query("delete from CohortMentor m where m.userId = :userId")
	void deleteAllOf(long userId);

	@Query("""
			select new dev.roadmap.mentoring.internal.ExportedMembership(c.name, 'MENTOR', m.assignedAt, c.archived)
			from CohortMentor m join CohortEntity c on c.id = m.cohortId where m.userId = :userId""")
	List<ExportedMembership> findMembershipsOf(long userId);

	/**
	 * Whether the mentor mentors an active cohort the learner is enrolled in, and is not
	 * that learner.
	 */
	@Query("""
			select case when count(*) > 0 then true else false end from CohortMentor m
			join CohortEntity c on c.id = m.cohortId and c.archived = false
			join CohortLearner l on l.cohortId = m.cohortId
			where m.userId = :mentorId and l.userId = :learnerId and l.userId <> m.userId""")
	boolean mentorsLearner(long mentorId, long learnerId);

	/**
	 * The mentors of the learner's active cohorts.
	 */
	@Query("""
			select distinct m.userId from CohortMentor m
			join CohortEntity c on c.id = m.cohortId and c.archived = false
			join CohortLearner l on l.cohortId = m.cohortId
			where l.userId = :learnerId""")
	List<Long> findMentorIdsOf(long learnerId);

}
