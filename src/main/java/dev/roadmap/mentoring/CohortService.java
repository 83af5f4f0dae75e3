package dev.roadmap.mentoring;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.mentoring.internal.CohortEntity;
import dev.roadmap.mentoring.internal.CohortLearner;
import dev.roadmap.mentoring.internal.CohortLearners;
import dev.roadmap.mentoring.internal.CohortMentor;
import dev.roadmap.mentoring.internal.CohortMentors;
import dev.roadmap.mentoring.internal.Cohorts;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts and their members. A mentor sees the learners of the active (not archived)
 * cohorts they mentor, and nobody else's. Changes go through the entities in
 * {@code internal}, written at once (so the database's triggers run where they did);
 * reads are records, each in one statement: the repositories' queries, or SQL where the
 * members' names come with them (see {@link #members}).
 */
@Service
public class CohortService {

	// Each column named: query(Class) looks a field such as displayName up by that name
	// first, and every miss throws an SQLException, row after row.
	private static final RowMapper<CohortMember> MEMBERS = (rs, row) -> new CohortMember(rs.getLong("user_id"),
			rs.getString("display_name"), rs.getString("email"));

	public static final int MAX_NAME_LENGTH = 100;

	private final Cohorts cohorts;

	private final CohortLearners learners;

	private final CohortMentors mentors;

	/**
	 * For the members with their names and e-mail addresses (see {@link #members}).
	 */
	private final JdbcClient jdbc;

	private final AccountService accounts;

	CohortService(Cohorts cohorts, CohortLearners learners, CohortMentors mentors, JdbcClient jdbc,
			AccountService accounts) {
		this.cohorts = cohorts;
		this.learners = learners;
		this.mentors = mentors;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * @throws CohortException if the name is empty, too long or taken
	 */
	@Transactional
	public Cohort create(String name) {
		String cleanName = validName(name);
		requireFree(cleanName, 0);
		try {
			return this.cohorts.saveAndFlush(new CohortEntity(cleanName)).toCohort();
		}
		catch (DataIntegrityViolationException ex) {
			// Two admins giving the name at once: the unique constraint decides.
			throw new CohortException("cohort.nameTaken");
		}
	}

	/**
	 * @throws CohortException if there is no such cohort, or the name is empty, too long
	 * or taken
	 */
	@Transactional
	public Cohort rename(long cohortId, String name) {
		String cleanName = validName(name);
		CohortEntity cohort = require(cohortId);
		requireFree(cleanName, cohortId);
		cohort.rename(cleanName);
		try {
			this.cohorts.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw new CohortException("cohort.nameTaken");
		}
		return cohort.toCohort();
	}

	/**
	 * Archives or restores a cohort. An archived cohort keeps its members but disappears
	 * from mentors' pages.
	 */
	@Transactional
	public Cohort setArchived(long cohortId, boolean archived) {
		CohortEntity cohort = require(cohortId);
		cohort.setArchived(archived);
		// Now, so that the trigger (V19) recounts the mentors' totals here, as before.
		this.cohorts.flush();
		return cohort.toCohort();
	}

	@Transactional(readOnly = true)
	public Optional<Cohort> cohort(long cohortId) {
		return this.cohorts.findCohort(cohortId);
	}

	/**
	 * Every cohort, active ones first, by name.
	 */
	@Transactional(readOnly = true)
	public List<Cohort> cohorts() {
		return this.cohorts.findAllCohorts();
	}

	/**
	 * The active cohorts a mentor mentors, by name: their ids and names only, all the
	 * mentor's page shows of them.
	 */
	@Transactional(readOnly = true)
	public List<MentoredCohort> cohortsMentoredBy(long mentorId) {
		return this.cohorts.findActiveMentoredBy(mentorId);
	}

	/**
	 * Enrols a learner; enrolling twice changes nothing.
	 */
	@Transactional
	public void enrol(long cohortId, long learnerId) {
		requireCohort(cohortId);
		requireRole(learnerId, Role.LEARNER, "cohort.notALearner");
		this.learners.saveAndFlush(new CohortLearner(cohortId, learnerId));
	}

	@Transactional
	public void unenrol(long cohortId, long learnerId) {
		this.learners.delete(cohortId, learnerId);
	}

	/**
	 * Makes a mentor a mentor of the cohort; assigning twice changes nothing.
	 */
	@Transactional
	public void assignMentor(long cohortId, long mentorId) {
		requireCohort(cohortId);
		requireRole(mentorId, Role.MENTOR, "cohort.notAMentor");
		this.mentors.saveAndFlush(new CohortMentor(cohortId, mentorId));
	}

	@Transactional
	public void unassignMentor(long cohortId, long mentorId) {
		this.mentors.delete(cohortId, mentorId);
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
		return this.mentors.mentorsLearner(mentorId, learnerId);
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
			.query(MEMBERS)
			.optional();
	}

	/**
	 * The mentors of the learner's active cohorts: who hears of their review requests.
	 */
	@Transactional(readOnly = true)
	public Set<Long> mentorIdsOf(long learnerId) {
		return Set.copyOf(this.mentors.findMentorIdsOf(learnerId));
	}

	/**
	 * The members with their accounts' names and e-mail addresses, in one statement. This
	 * and {@link #menteeOf} read the account module's published {@code user_directory}
	 * view (V22) rather than calling it: the mentor's page of a learner has no room in
	 * its budget for a second statement.
	 */
	private List<CohortMember> members(String table, long cohortId) {
		return this.jdbc
			.sql("select u.user_id, u.display_name, u.email from " + table
					+ " m join user_directory u on u.user_id = m.user_id where m.cohort_id = :cohort"
					+ " order by lower(u.display_name), u.user_id")
			.param("cohort", cohortId)
			.query(MEMBERS)
			.list();
	}

	private CohortEntity require(long cohortId) {
		return this.cohorts.findById(cohortId).orElseThrow(() -> new CohortException("cohort.notFound"));
	}

	/**
	 * Refuses a name that a cohort other than this one (0 for none: ids start at 1) has,
	 * before writing it: Hibernate logs a warning for every constraint violation, and a
	 * name taken is no fault.
	 */
	private void requireFree(String name, long cohortId) {
		if (this.cohorts.existsByNameAndIdNot(name, cohortId)) {
			throw new CohortException("cohort.nameTaken");
		}
	}

	private void requireCohort(long cohortId) {
		if (!this.cohorts.existsById(cohortId)) {
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
