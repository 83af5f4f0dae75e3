package dev.roadmap.mentoring;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts and their members. A mentor sees the learners of the active (not archived)
 * cohorts they mentor, and nobody else's.
 */
@Service
public class CohortService {

	public static final int MAX_NAME_LENGTH = 100;

	// The number of learners is kept on the cohort's row by the database on every
	// enrolment and unenrolment (V19); a cohort has a handful of mentors.
	private static final String COHORT_COLUMNS = """
			select c.id, c.name, c.archived, c.learners,
				(select count(*) from cohort_mentor cm where cm.cohort_id = c.id) as mentors
			from cohort c
			""";

	private final JdbcClient jdbc;

	private final AccountService accounts;

	CohortService(JdbcClient jdbc, AccountService accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@Transactional
	public Cohort create(String name) {
		String cleanName = validName(name);
		try {
			long id = this.jdbc.sql("insert into cohort (name) values (:name) returning id")
				.param("name", cleanName)
				.query(Long.class)
				.single();
			return cohort(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new CohortException("cohort.nameTaken");
		}
	}

	@Transactional
	public Cohort rename(long cohortId, String name) {
		String cleanName = validName(name);
		try {
			int updated = this.jdbc.sql("update cohort set name = :name where id = :id")
				.param("name", cleanName)
				.param("id", cohortId)
				.update();
			if (updated == 0) {
				throw new CohortException("cohort.notFound");
			}
		}
		catch (DuplicateKeyException ex) {
			throw new CohortException("cohort.nameTaken");
		}
		return cohort(cohortId).orElseThrow();
	}

	/**
	 * Archives or restores a cohort. An archived cohort keeps its members but disappears
	 * from mentors' pages.
	 */
	@Transactional
	public Cohort setArchived(long cohortId, boolean archived) {
		int updated = this.jdbc.sql("update cohort set archived = :archived where id = :id")
			.param("archived", archived)
			.param("id", cohortId)
			.update();
		if (updated == 0) {
			throw new CohortException("cohort.notFound");
		}
		return cohort(cohortId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Cohort> cohort(long cohortId) {
		return this.jdbc.sql(COHORT_COLUMNS + " where c.id = :id").param("id", cohortId).query(Cohort.class).optional();
	}

	/**
	 * Every cohort, active ones first, by name.
	 */
	@Transactional(readOnly = true)
	public List<Cohort> cohorts() {
		return this.jdbc.sql(COHORT_COLUMNS + " order by c.archived, lower(c.name)").query(Cohort.class).list();
	}

	/**
	 * The active cohorts a mentor mentors, by name: their ids and names only, all the
	 * mentor's page shows of them.
	 */
	@Transactional(readOnly = true)
	public List<MentoredCohort> cohortsMentoredBy(long mentorId) {
		return this.jdbc.sql("""
				select c.id, c.name from cohort c
				where not c.archived
				and exists (select 1 from cohort_mentor m where m.cohort_id = c.id and m.user_id = :mentor)
				order by lower(c.name)""").param("mentor", mentorId).query(MentoredCohort.class).list();
	}

	/**
	 * Enrols a learner; enrolling twice changes nothing.
	 */
	@Transactional
	public void enrol(long cohortId, long learnerId) {
		requireCohort(cohortId);
		requireRole(learnerId, Role.LEARNER, "cohort.notALearner");
		this.jdbc.sql("insert into cohort_learner (cohort_id, user_id) values (:cohort, :user) on conflict do nothing")
			.param("cohort", cohortId)
			.param("user", learnerId)
			.update();
	}

	@Transactional
	public void unenrol(long cohortId, long learnerId) {
		this.jdbc.sql("delete from cohort_learner where cohort_id = :cohort and user_id = :user")
			.param("cohort", cohortId)
			.param("user", learnerId)
			.update();
	}

	/**
	 * Makes a mentor a mentor of the cohort; assigning twice changes nothing.
	 */
	@Transactional
	public void assignMentor(long cohortId, long mentorId) {
		requireCohort(cohortId);
		requireRole(mentorId, Role.MENTOR, "cohort.notAMentor");
		this.jdbc.sql("insert into cohort_mentor (cohort_id, user_id) values (:cohort, :user) on conflict do nothing")
			.param("cohort", cohortId)
			.param("user", mentorId)
			.update();
	}

	@Transactional
	public void unassignMentor(long cohortId, long mentorId) {
		this.jdbc.sql("delete from cohort_mentor where cohort_id = :cohort and user_id = :user")
			.param("cohort", cohortId)
			.param("user", mentorId)
			.update();
	}

	@Transactional(readOnly = true)
	public List<CohortMember> learnersOf(long cohortId) {
		return members("cohort_learner", cohortId);
	}

	@Transactional(readOnly = true)
	public List<CohortMember> mentorsOf(long cohortId) {
		return members("cohort_mentor", cohortId);
	}

	/**
	 * Whether the mentor mentors an active cohort the learner is enrolled in: the rule
	 * for every mentor page about a learner. Nobody mentors themselves, so a mentor who
	 * is also a learner of their own cohort never reviews their own work.
	 */
	@Transactional(readOnly = true)
	public boolean isMentorOf(long mentorId, long learnerId) {
		return this.jdbc.sql("""
				select exists (select 1 from cohort_mentor m
					join cohort c on c.id = m.cohort_id and not c.archived
					join cohort_learner l on l.cohort_id = m.cohort_id
					where m.user_id = :mentor and l.user_id = :learner and l.user_id <> m.user_id)""")
			.param("mentor", mentorId)
			.param("learner", learnerId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The learner as a mentor's page shows them, if they are a learner of an active
	 * cohort the mentor mentors (the check of {@link #isMentorOf}); read in one
	 * statement.
	 */
	@Transactional(readOnly = true)
	public Optional<CohortMember> menteeOf(long mentorId, long learnerId) {
		return this.jdbc.sql("""
				select u.user_id, u.display_name, u.email from user_directory u
				where u.user_id = :learner and exists (select 1 from cohort_mentor m
					join cohort c on c.id = m.cohort_id and not c.archived
					join cohort_learner l on l.cohort_id = m.cohort_id
					where m.user_id = :mentor and l.user_id = u.user_id and l.user_id <> m.user_id)""")
			.param("mentor", mentorId)
			.param("learner", learnerId)
			.query(CohortMember.class)
			.optional();
	}

	/**
	 * The mentors of the learner's active cohorts: who hears of their review requests.
	 */
	@Transactional(readOnly = true)
	public Set<Long> mentorIdsOf(long learnerId) {
		return Set.copyOf(this.jdbc.sql("""
				select distinct m.user_id from cohort_mentor m
				join cohort c on c.id = m.cohort_id and not c.archived
				join cohort_learner l on l.cohort_id = m.cohort_id
				where l.user_id = :learner""").param("learner", learnerId).query(Long.class).list());
	}

	private List<CohortMember> members(String table, long cohortId) {
		return this.jdbc
			.sql("select u.user_id, u.display_name, u.email from " + table
					+ " m join user_directory u on u.user_id = m.user_id where m.cohort_id = :cohort"
					+ " order by lower(u.display_name), u.user_id")
			.param("cohort", cohortId)
			.query(CohortMember.class)
			.list();
	}

	private void requireCohort(long cohortId) {
		if (cohort(cohortId).isEmpty()) {
			throw new CohortException("cohort.notFound");
		}
	}

	private void requireRole(long userId, Role role, String messageKey) {
		Account account = this.accounts.findById(userId).orElseThrow(() -> new CohortException("cohort.noSuchUser"));
		if (!account.roles().contains(role)) {
			throw new CohortException(messageKey);
		}
	}

	private static String validName(String name) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty()) {
			throw new CohortException("cohort.nameRequired");
		}
		if (clean.length() > MAX_NAME_LENGTH) {
			throw new CohortException("cohort.nameTooLong");
		}
		return clean;
	}

}
