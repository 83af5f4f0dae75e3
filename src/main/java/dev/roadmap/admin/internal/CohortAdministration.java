package dev.roadmap.admin.internal;

import java.util.List;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.admin.Actor;
import dev.roadmap.admin.AuditAction;
import dev.roadmap.admin.AuditLog;
import dev.roadmap.admin.AuditTarget;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortException;
import dev.roadmap.mentoring.CohortMember;
import dev.roadmap.mentoring.CohortService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin actions on cohorts, each written to the audit log in the same transaction as the
 * change. An action that changes nothing (enrolling someone already enrolled, renaming to
 * the same name) writes nothing; an action that fails throws and writes nothing.
 */
@Service
public class CohortAdministration {

	/** Before and after values of archive and restore. */
	static final String ACTIVE = "ACTIVE", ARCHIVED = "ARCHIVED";

	/** Before and after values of enrol and unenrol. */
	static final String ENROLLED = "ENROLLED", NOT_ENROLLED = "NOT_ENROLLED";

	/** Before and after values of assigning and unassigning a mentor. */
	static final String ASSIGNED = "ASSIGNED", NOT_ASSIGNED = "NOT_ASSIGNED";

	private final CohortService cohorts;

	private final AccountService accounts;

	private final AuditLog audit;

	CohortAdministration(CohortService cohorts, AccountService accounts, AuditLog audit) {
		this.cohorts = cohorts;
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * @throws CohortException if the name is empty, too long or taken
	 */
	@Transactional
	public Cohort create(Actor actor, String name) {
		Cohort cohort = this.cohorts.create(name);
		this.audit.record(actor, AuditAction.COHORT_CREATED, AuditTarget.cohort(cohort), null, cohort.name());
		return cohort;
	}

	/**
	 * @return the cohort as renamed
	 * @throws CohortException if there is no such cohort, or the name is empty, too long
	 * or taken
	 */
	@Transactional
	public Cohort rename(Actor actor, long cohortId, String name) {
		Cohort before = require(cohortId);
		Cohort after = this.cohorts.rename(cohortId, name);
		if (!after.name().equals(before.name())) {
			this.audit.record(actor, AuditAction.COHORT_RENAMED, AuditTarget.cohort(after), before.name(),
					after.name());
		}
		return after;
	}

	/**
	 * Archives or restores the cohort.
	 * @return whether it changed (archiving an archived cohort does not)
	 * @throws CohortException if there is no such cohort
	 */
	@Transactional
	public boolean setArchived(Actor actor, long cohortId, boolean archived) {
		Cohort before = require(cohortId);
		if (before.archived() == archived) {
			return false;
		}
		Cohort after = this.cohorts.setArchived(cohortId, archived);
		this.audit.record(actor, archived ? AuditAction.COHORT_ARCHIVED : AuditAction.COHORT_RESTORED,
				AuditTarget.cohort(after), state(before), state(after));
		return true;
	}

	/**
	 * Enrols the learner with this e-mail address.
	 * @throws AdminException if no account has the address
	 * @throws CohortException if there is no such cohort or the user is not a learner
	 */
	@Transactional
	public MemberChange enrol(Actor actor, long cohortId, String email) {
		Cohort cohort = require(cohortId);
		Account account = accountWithEmail(email);
		boolean before = contains(this.cohorts.learnersOf(cohortId), account.id());
		this.cohorts.enrol(cohortId, account.id());
		if (!before) {
			this.audit.record(actor, AuditAction.LEARNER_ENROLLED, target(cohort, account), NOT_ENROLLED, ENROLLED);
		}
		return new MemberChange(cohort, account.id(), account.displayName(), account.email(), !before);
	}

	/**
	 * Removes a learner from the cohort; removing someone who is not enrolled changes
	 * nothing.
	 * @throws CohortException if there is no such cohort
	 */
	@Transactional
	public MemberChange unenrol(Actor actor, long cohortId, long userId) {
		Cohort cohort = require(cohortId);
		CohortMember member = find(this.cohorts.learnersOf(cohortId), userId);
		if (member == null) {
			return notAMember(cohort, userId);
		}
		this.cohorts.unenrol(cohortId, userId);
		this.audit.record(actor, AuditAction.LEARNER_UNENROLLED, target(cohort, member), ENROLLED, NOT_ENROLLED);
		return new MemberChange(cohort, userId, member.displayName(), member.email(), true);
	}

	/**
	 * Makes the mentor with this e-mail address a mentor of the cohort.
	 * @throws AdminException if no account has the address
	 * @throws CohortException if there is no such cohort or the user is not a mentor
	 */
	@Transactional
	public MemberChange assignMentor(Actor actor, long cohortId, String email) {
		Cohort cohort = require(cohortId);
		Account account = accountWithEmail(email);
		boolean before = contains(this.cohorts.mentorsOf(cohortId), account.id());
		this.cohorts.assignMentor(cohortId, account.id());
		if (!before) {
			this.audit.record(actor, AuditAction.MENTOR_ASSIGNED, target(cohort, account), NOT_ASSIGNED, ASSIGNED);
		}
		return new MemberChange(cohort, account.id(), account.displayName(), account.email(), !before);
	}

	/**
	 * Takes a mentor off the cohort; unassigning someone who is not its mentor changes
	 * nothing.
	 * @throws CohortException if there is no such cohort
	 */
	@Transactional
	public MemberChange unassignMentor(Actor actor, long cohortId, long userId) {
		Cohort cohort = require(cohortId);
		CohortMember member = find(this.cohorts.mentorsOf(cohortId), userId);
		if (member == null) {
			return notAMember(cohort, userId);
		}
		this.cohorts.unassignMentor(cohortId, userId);
		this.audit.record(actor, AuditAction.MENTOR_UNASSIGNED, target(cohort, member), ASSIGNED, NOT_ASSIGNED);
		return new MemberChange(cohort, userId, member.displayName(), member.email(), true);
	}

	private Cohort require(long cohortId) {
		return this.cohorts.cohort(cohortId).orElseThrow(() -> new CohortException("cohort.notFound"));
	}

	private Account accountWithEmail(String email) {
		String address = (email != null) ? email.strip() : "";
		return this.accounts.findByEmail(address).orElseThrow(() -> new AdminException("admin.error.unknownEmail"));
	}

	private MemberChange notAMember(Cohort cohort, long userId) {
		return this.accounts.findById(userId)
			.map((account) -> new MemberChange(cohort, userId, account.displayName(), account.email(), false))
			.orElseGet(() -> new MemberChange(cohort, userId, "", "", false));
	}

	private static AuditTarget target(Cohort cohort, Account account) {
		return AuditTarget.member(cohort, account.id(), account.displayName(), account.email());
	}

	private static AuditTarget target(Cohort cohort, CohortMember member) {
		return AuditTarget.member(cohort, member.userId(), member.displayName(), member.email());
	}

	private static String state(Cohort cohort) {
		return cohort.archived() ? ARCHIVED : ACTIVE;
	}

	private static boolean contains(List<CohortMember> members, long userId) {
		return find(members, userId) != null;
	}

	private static CohortMember find(List<CohortMember> members, long userId) {
		return members.stream().filter((member) -> member.userId() == userId).findFirst().orElse(null);
	}

}
