package dev.roadmap.mentoring;

import java.util.EnumSet;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import dev.roadmap.test.TransactionRace;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Changes of cohorts and memberships through their entities: what each costs in SQL
 * statements (no read before an insert, no update of what did not change), and two admins
 * making the same change at once.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
class CohortChangesIntegrationTests {

	@Autowired
	CohortService cohorts;

	@Autowired
	Learners learners;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void eachChangeRunsAFewStatements() {
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		String name = uniqueName();

		Counted<Cohort> created = this.statements.count(() -> this.cohorts.create(name));
		long id = created.result().id();
		Counted<Cohort> renamed = this.statements.count(() -> this.cohorts.rename(id, name + " renamed"));
		Counted<Cohort> sameName = this.statements.count(() -> this.cohorts.rename(id, name + " renamed"));
		Counted<Cohort> archived = this.statements.count(() -> this.cohorts.setArchived(id, true));
		Counted<Cohort> restored = this.statements.count(() -> this.cohorts.setArchived(id, false));
		Counted<Void> enrolled = count(() -> this.cohorts.enrol(id, learner.id()));
		Counted<Void> enrolledAgain = count(() -> this.cohorts.enrol(id, learner.id()));
		Counted<Void> assigned = count(() -> this.cohorts.assignMentor(id, mentor.id()));
		Counted<Void> unenrolled = count(() -> this.cohorts.unenrol(id, learner.id()));
		Counted<Void> unassigned = count(() -> this.cohorts.unassignMentor(id, mentor.id()));

		System.out.println("cohort write statements: create=" + created.statements() + ", rename="
				+ renamed.statements() + ", rename to the same name=" + sameName.statements() + ", archive="
				+ archived.statements() + ", restore=" + restored.statements() + ", enrol=" + enrolled.statements()
				+ ", enrol again=" + enrolledAgain.statements() + ", assign=" + assigned.statements() + ", unenrol="
				+ unenrolled.statements() + ", unassign=" + unassigned.statements());
		assertThat(created.result()).isEqualTo(new Cohort(id, name, false, 0, 0));
		assertThat(restored.result()).isEqualTo(new Cohort(id, name + " renamed", false, 0, 0));
		assertThat(this.cohorts.cohort(id)).contains(restored.result());
		// The name is checked, then the cohort inserted; a change reads the cohort (and a
		// rename checks the name), then writes the one column that changed, if it did.
		assertThat(created.sql()).as("create: %s", created.all())
			.hasSize(2)
			.last()
			.asString()
			.startsWith("insert into cohort (archived,name)");
		assertThat(renamed.sql()).as("rename: %s", renamed.all())
			.hasSize(3)
			.last()
			.asString()
			.startsWith("update cohort set name=");
		assertThat(sameName.sql()).as("rename to the same name: %s", sameName.all())
			.hasSize(2)
			.noneMatch((sql) -> sql.startsWith("update"));
		assertThat(archived.sql()).as("archive: %s", archived.all())
			.hasSize(2)
			.last()
			.asString()
			.startsWith("update cohort set archived=");
		// The cohort and the user's roles are checked, then the row inserted: no read of
		// the membership first, whether it exists or not.
		assertThat(enrolled.sql()).as("enrol: %s", enrolled.all())
			.hasSize(3)
			.last()
			.asString()
			.startsWith("insert into cohort_learner");
		assertThat(enrolledAgain.sql()).as("enrol again: %s", enrolledAgain.all()).isEqualTo(enrolled.sql());
		assertThat(assigned.sql()).as("assign: %s", assigned.all())
			.hasSize(3)
			.last()
			.asString()
			.startsWith("insert into cohort_mentor");
		assertThat(unenrolled.sql()).as("unenrol: %s", unenrolled.all())
			.singleElement()
			.asString()
			.startsWith("delete from cohort_learner");
		assertThat(unassigned.sql()).as("unassign: %s", unassigned.all())
			.singleElement()
			.asString()
			.startsWith("delete from cohort_mentor");
	}

	@Test
	void twoAdminsEnrollingTheSameLearnerAtOnceBothSucceedAndEnrolThemOnce() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal learner = this.learners.aLearner();

		TransactionRace.run(this.transactionManager, this.jdbc, () -> this.cohorts.enrol(cohort.id(), learner.id()),
				() -> this.cohorts.enrol(cohort.id(), learner.id()));

		assertThat(this.cohorts.learnersOf(cohort.id())).extracting(CohortMember::userId).containsExactly(learner.id());
		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().learners()).isEqualTo(1);
	}

	@Test
	void twoAdminsAssigningTheSameMentorAtOnceBothSucceedAndAssignThemOnce() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));

		TransactionRace.run(this.transactionManager, this.jdbc,
				() -> this.cohorts.assignMentor(cohort.id(), mentor.id()),
				() -> this.cohorts.assignMentor(cohort.id(), mentor.id()));

		assertThat(this.cohorts.mentorsOf(cohort.id())).extracting(CohortMember::userId).containsExactly(mentor.id());
	}

	@Test
	void twoAdminsGivingTheSameNameAtOnceMakeOneCohortAndTheSecondIsToldTheNameIsTaken() throws Exception {
		String name = uniqueName();
		Cohort other = this.cohorts.create(uniqueName());

		TransactionRace.run(this.transactionManager, this.jdbc, () -> this.cohorts.create(name),
				() -> assertThatExceptionOfType(CohortException.class)
					.isThrownBy(() -> this.cohorts.rename(other.id(), name))
					.extracting(CohortException::messageKey)
					.isEqualTo("cohort.nameTaken"));
		TransactionRace.run(this.transactionManager, this.jdbc, () -> this.cohorts.rename(other.id(), name + " 2"),
				() -> assertThatExceptionOfType(CohortException.class)
					.isThrownBy(() -> this.cohorts.create(name + " 2"))
					.extracting(CohortException::messageKey)
					.isEqualTo("cohort.nameTaken"));

		assertThat(this.cohorts.cohorts()).extracting(Cohort::name).containsOnlyOnce(name, name + " 2");
		assertThat(this.cohorts.cohort(other.id()).orElseThrow().name()).isEqualTo(name + " 2");
	}

	private Counted<Void> count(Runnable action) {
		return this.statements.count(() -> {
			action.run();
			return null;
		});
	}

	private static String uniqueName() {
		return "Cohort " + UUID.randomUUID();
	}

}
