package dev.roadmap.mentoring.internal;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Who learns in which cohort. Removing is one statement, not Spring Data's
 * read-then-remove; either way the database's triggers (V19) keep the totals.
 */
public interface CohortLearners extends Repository<CohortLearner, CohortMembership.Key> {

	/**
	 * Enrols the learner at once (the triggers take their locks here, in the order V19
	 * describes); enrolling someone enrolled changes nothing.
	 */
	CohortLearner saveAndFlush(CohortLearner learner);

	@Modifying
	@Query("delete from CohortLearner l where l.cohortId = :cohortId and l.userId = :userId")
	void delete(long cohortId, long userId);

	@Modifying
	@Query("delete from CohortLearner l where l.userId = :userId")
	void deleteAllOf(long userId);

	@Query("""
			select new dev.roadmap.mentoring.internal.ExportedMembership(c.name, 'LEARNER', l.enrolledAt, c.archived)
			from CohortLearner l join CohortEntity c on c.id = l.cohortId where l.userId = :userId""")
	List<ExportedMembership> findMembershipsOf(long userId);

}
