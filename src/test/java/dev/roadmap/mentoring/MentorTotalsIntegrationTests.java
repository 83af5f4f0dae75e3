package dev.roadmap.mentoring;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewQueue;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The totals the mentor page and the review queue show (the mentor's learners, in all
 * their active cohorts or in one, and the requests waiting for them) are kept by the
 * database on every write (V19) instead of counted per request. Through every write that
 * moves them they equal both the expected number and the count from scratch, the way the
 * page used to count: memberships, archiving, account deletion, review actions, status
 * changes, retired content, SQL written by hand, and writes racing each other.
 */
@RoadmapIntegrationTest
class MentorTotalsIntegrationTests {

	private static final Evidence EVIDENCE = new Evidence("https://git.example.com/project", null, null);

	// The mentor page's counts before V19, as the definition of what the totals must be.
	private static final String LEARNERS_FROM_SCRATCH = """
			select count(distinct cl.user_id) from cohort_learner cl
			join cohort c on c.id = cl.cohort_id and not c.archived
			join cohort_mentor cm on cm.cohort_id = cl.cohort_id and cm.user_id = :mentor
			where cl.user_id <> :mentor""";

	private static final String WAITING_FROM_SCRATCH = """
			select count(*) from skill_status ss
			join skill sk on sk.id = ss.skill_id and not sk.retired
			join stage st on st.id = sk.stage_id and not st.retired
			where ss.review_state = 'REQUESTED' and ss.status = 'DONE' and ss.user_id <> :mentor
				and exists (select 1 from cohort_learner cl
					join cohort c on c.id = cl.cohort_id and not c.archived
					join cohort_mentor cm on cm.cohort_id = cl.cohort_id and cm.user_id = :mentor
					where cl.user_id = ss.user_id)""";

	@Autowired
	CohortService cohorts;

	@Autowired
	MentorDashboard dashboard;

	@Autowired
	ReviewQueue queue;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aLearnerCountsOnceWhateverTheirCohortsAndTheMentorNeverCountsThemselves() {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR, Role.LEARNER));
		Cohort a = cohortMentoredBy(mentor);
		Cohort b = this.cohorts.create(uniqueName());
		AccountPrincipal ada = this.learners.aLearner();
		AccountPrincipal alan = this.learners.aLearner();
		assertTotals(mentor, 0, 0);

		this.cohorts.enrol(a.id(), ada.id());
		assertTotals(mentor, 1, 0);
		this.cohorts.enrol(b.id(), ada.id());
		this.cohorts.enrol(b.id(), alan.id());
		assertTotals(mentor, 1, 0);
		this.cohorts.assignMentor(b.id(), mentor.id());
		assertTotals(mentor, 2, 0);
		this.cohorts.enrol(a.id(), ada.id());
		this.cohorts.assignMentor(b.id(), mentor.id());
		assertTotals(mentor, 2, 0);

		// A mentor who learns in their own cohort is a member but not their own learner.
		this.cohorts.enrol(a.id(), mentor.id());
		assertTotals(mentor, 2, 0);
		assertThat(this.cohorts.cohort(a.id()).orElseThrow().learners()).isEqualTo(2);
		assertThat(cohortTotal(mentor, a)).isEqualTo(1);
		assertThat(cohortTotal(mentor, b)).isEqualTo(2);

		this.cohorts.unenrol(a.id(), ada.id());
		assertTotals(mentor, 2, 0);
		assertThat(cohortTotal(mentor, a)).isZero();
		this.cohorts.unenrol(b.id(), ada.id());
		assertTotals(mentor, 1, 0);
		this.cohorts.unassignMentor(b.id(), mentor.id());
		assertTotals(mentor, 0, 0);
		assertThat(this.cohorts.cohort(b.id()).orElseThrow().learners()).isEqualTo(1);
	}

	@Test
	void joiningAndLeavingTheMentorsCohortsBringsAndTakesTheLearnersWaitingRequests() {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = cohortMentoredBy(mentor);
		AccountPrincipal ada = learnerWaitingFor(2);

		this.cohorts.enrol(cohort.id(), ada.id());
		assertTotals(mentor, 1, 2);
		this.cohorts.unenrol(cohort.id(), ada.id());
		assertTotals(mentor, 0, 0);
	}

	@Test
	void anArchivedCohortNoLongerCountsAndARestoredOneCountsAgain() {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort a = cohortMentoredBy(mentor);
		Cohort b = cohortMentoredBy(mentor);
		AccountPrincipal inBoth = learnerWaitingFor(1);
		AccountPrincipal onlyInA = learnerWaitingFor(2);
		this.cohorts.enrol(a.id(), inBoth.id());
		this.cohorts.enrol(b.id(), inBoth.id());
		this.cohorts.enrol(a.id(), onlyInA.id());
		assertTotals(mentor, 2, 3);

		this.cohorts.setArchived(a.id(), true);
		assertTotals(mentor, 1, 1);
		this.cohorts.setArchived(a.id(), true);
		assertTotals(mentor, 1, 1);
		this.cohorts.setArchived(b.id(), true);
		assertTotals(mentor, 0, 0);
		this.cohorts.setArchived(a.id(), false);
		assertTotals(mentor, 2, 3);
	}

	@Test
	void theWaitingCountFollowsEveryReviewActionAndStatusChange() {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = cohortMentoredBy(mentor);
		AccountPrincipal ada = this.learners.aLearner();
		// Someone else's request keeps the queue's first page from being empty, so that
		// the queue shows its total after every step.
		this.cohorts.enrol(cohort.id(), learnerWaitingFor(1).id());
		this.cohorts.enrol(cohort.id(), ada.id());
		Skill first = projects().get(0);
		Skill second = projects().get(1);
		this.progress.setStatus(ada.id(), first, SkillStatus.DONE);
		this.progress.setStatus(ada.id(), second, SkillStatus.DONE);
		assertTotals(mentor, 2, 1);

		this.reviews.requestReview(ada.id(), first, EVIDENCE);
		assertTotals(mentor, 2, 2);
		this.reviews.requestReview(ada.id(), first, new Evidence("https://git.example.com/v2", null, null));
		this.decisions.comment(mentor.id(), ada.id(), first, "Which branch?");
		assertTotals(mentor, 2, 2);
		this.decisions.claim(mentor.id(), ada.id(), first.id());
		this.decisions.requestChanges(mentor.id(), ada.id(), first,
				this.reviews.reviewOf(ada.id(), first.id()).iteration(), "Add tests.");
		assertTotals(mentor, 2, 1);
		this.reviews.reply(ada.id(), first, "Added them.");
		this.reviews.requestReview(ada.id(), first, EVIDENCE);
		this.reviews.requestReview(ada.id(), second, EVIDENCE);
		assertTotals(mentor, 2, 3);
		this.decisions.claim(mentor.id(), ada.id(), first.id());
		this.decisions.approve(mentor.id(), ada.id(), first, this.reviews.reviewOf(ada.id(), first.id()).iteration(),
				null);
		assertTotals(mentor, 2, 2);

		// A request waits only while its skill is done.
		this.progress.setStatus(ada.id(), second, SkillStatus.IN_PROGRESS);
		assertTotals(mentor, 2, 1);
		this.progress.setStatus(ada.id(), second, SkillStatus.DONE);
		assertTotals(mentor, 2, 2);
		// Un-verifying an approved skill and doing it again puts nothing in the queue.
		this.progress.setStatus(ada.id(), first, SkillStatus.IN_PROGRESS);
		this.progress.setStatus(ada.id(), first, SkillStatus.DONE);
		assertTotals(mentor, 2, 2);
	}

	@Test
	void aMentorsOwnRequestsNeverWaitForThemselves() {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR, Role.LEARNER));
		AccountPrincipal other = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = cohortMentoredBy(mentor);
		this.cohorts.assignMentor(cohort.id(), other.id());
		this.cohorts.enrol(cohort.id(), mentor.id());

		this.progress.setStatus(mentor.id(), projects().get(0), SkillStatus.DONE);
		this.reviews.requestReview(mentor.id(), projects().get(0), EVIDENCE);

		assertTotals(mentor, 0, 0);
		assertTotals(other, 1, 1);
	}

	@Test
	void aDeletedAccountLeavesItsMentorsTotals() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		AccountPrincipal otherMentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort a = cohortMentoredBy(mentor);
		Cohort b = cohortMentoredBy(mentor);
		this.cohorts.assignMentor(b.id(), otherMentor.id());
		AccountPrincipal leaving = learnerWaitingFor(2);
		AccountPrincipal staying = learnerWaitingFor(1);
		this.cohorts.enrol(a.id(), leaving.id());
		this.cohorts.enrol(b.id(), leaving.id());
		this.cohorts.enrol(b.id(), staying.id());
		assertTotals(mentor, 2, 3);
		assertTotals(otherMentor, 2, 3);

		deleteAccount(leaving);
		assertTotals(mentor, 1, 1);
		assertTotals(otherMentor, 1, 1);
		assertThat(this.cohorts.cohort(b.id()).orElseThrow().learners()).isEqualTo(1);

		deleteAccount(otherMentor);
		assertTotals(mentor, 1, 1);
		assertThat(this.cohorts.mentorsOf(b.id())).extracting(CohortMember::userId).containsExactly(mentor.id());
	}

	@Test
	void retiredContentLeavesTheQueueAndRestoredContentComesBack() {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		AccountPrincipal ada = learnerWaitingFor(2);
		this.cohorts.enrol(cohortMentoredBy(mentor).id(), ada.id());
		Skill retired = projects().get(0);
		assertTotals(mentor, 1, 2);
		try {
			// What the content migration does when the file drops a skill; the summaries
			// are then rebuilt after the migrate, as progress's Flyway callback does.
			this.jdbc.sql("update skill set retired = true where id = :skill").param("skill", retired.id()).update();
			assertThat(syncSummaries()).isTrue();
			assertTotals(mentor, 1, 1);
		}
		finally {
			this.jdbc.sql("update skill set retired = false where id = :skill").param("skill", retired.id()).update();
			syncSummaries();
		}
		assertTotals(mentor, 1, 2);
	}

	@Test
	void membershipsWrittenWithSqlKeepTheTotals() {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = cohortMentoredBy(mentor);
		List<Long> ids = List.of(learnerWaitingFor(1).id(), learnerWaitingFor(2).id(), this.learners.aLearner().id());

		this.jdbc
			.sql("insert into cohort_learner (cohort_id, user_id) select :cohort, id from app_user where id in (:ids)")
			.param("cohort", cohort.id())
			.param("ids", ids)
			.update();
		assertTotals(mentor, 3, 3);
		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().learners()).isEqualTo(3);

		this.jdbc.sql("delete from cohort_learner where cohort_id = :cohort and user_id in (:first, :second)")
			.param("cohort", cohort.id())
			.param("first", ids.get(0))
			.param("second", ids.get(2))
			.update();
		assertTotals(mentor, 1, 2);
		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().learners()).isEqualTo(1);
	}

	@Test
	void aReviewRequestedWhileTheLearnerIsBeingEnrolledIsCounted() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = cohortMentoredBy(mentor);
		AccountPrincipal ada = this.learners.aLearner();
		this.progress.setStatus(ada.id(), projects().get(0), SkillStatus.DONE);

		race(() -> this.cohorts.enrol(cohort.id(), ada.id()),
				() -> this.reviews.requestReview(ada.id(), projects().get(0), EVIDENCE));

		assertTotals(mentor, 1, 1);
	}

	@Test
	void aLearnerEnrolledWhileTheirReviewIsRequestedBringsIt() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = cohortMentoredBy(mentor);
		AccountPrincipal ada = this.learners.aLearner();
		this.progress.setStatus(ada.id(), projects().get(0), SkillStatus.DONE);

		race(() -> this.reviews.requestReview(ada.id(), projects().get(0), EVIDENCE),
				() -> this.cohorts.enrol(cohort.id(), ada.id()));

		assertTotals(mentor, 1, 1);
	}

	@Test
	void aReviewRequestedWhileAMentorIsBeingAssignedIsCounted() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal ada = this.learners.aLearner();
		this.cohorts.enrol(cohort.id(), ada.id());
		this.progress.setStatus(ada.id(), projects().get(0), SkillStatus.DONE);

		race(() -> this.cohorts.assignMentor(cohort.id(), mentor.id()),
				() -> this.reviews.requestReview(ada.id(), projects().get(0), EVIDENCE));

		assertTotals(mentor, 1, 1);
	}

	@Test
	void aMentorAssignedWhileAReviewIsRequestedGetsIt() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal ada = this.learners.aLearner();
		this.cohorts.enrol(cohort.id(), ada.id());
		this.progress.setStatus(ada.id(), projects().get(0), SkillStatus.DONE);

		race(() -> this.reviews.requestReview(ada.id(), projects().get(0), EVIDENCE),
				() -> this.cohorts.assignMentor(cohort.id(), mentor.id()));

		assertTotals(mentor, 1, 1);
	}

	@Test
	void aCohortArchivedOrRestoredWhileItsLearnersReviewsMoveKeepsTheirCount() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		AccountPrincipal other = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = cohortMentoredBy(mentor);
		AccountPrincipal ada = learnerWaitingFor(1);
		this.cohorts.enrol(cohort.id(), ada.id());
		Skill second = projects().get(1);
		this.progress.setStatus(ada.id(), second, SkillStatus.DONE);

		race(() -> this.cohorts.setArchived(cohort.id(), true),
				() -> this.reviews.requestReview(ada.id(), second, EVIDENCE));
		assertTotals(mentor, 0, 0);

		this.decisions.claim(other.id(), ada.id(), projects().get(0).id());
		race(() -> this.cohorts.setArchived(cohort.id(), false), () -> this.decisions.approve(other.id(), ada.id(),
				projects().get(0), this.reviews.reviewOf(ada.id(), projects().get(0).id()).iteration(), null));
		assertTotals(mentor, 1, 1);
	}

	/**
	 * Runs {@code first} in a transaction that stays open until {@code second}, run
	 * beside it, has either finished or is waiting for one of its locks; then commits it
	 * and waits for {@code second}. Without the locks V19 takes, each would read before
	 * the other commits and the totals would miss one of the two writes.
	 */
	private void race(Runnable first, Runnable second) throws Exception {
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		long[] firstBackend = { 0 };
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> one = pool
				.submit(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult((tx) -> {
					first.run();
					firstBackend[0] = this.jdbc.sql("select pg_backend_pid()").query(Long.class).single();
					firstWrote.countDown();
					awaitQuietly(commit);
				}));
			assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> two = pool.submit(second);
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> two.isDone() || blockedBy(firstBackend[0]));
			commit.countDown();
			one.get(30, TimeUnit.SECONDS);
			two.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
	}

	private boolean blockedBy(long backend) {
		return this.jdbc
			.sql("select exists (select 1 from pg_stat_activity where :backend = any (pg_blocking_pids(pid)))")
			.param("backend", backend)
			.query(Boolean.class)
			.single();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Asserts the mentor's totals, as kept and as their page and queue show them (which
	 * is 0 on an empty page), against the expected numbers and the count from scratch.
	 */
	private void assertTotals(AccountPrincipal mentor, long learners, long waiting) {
		long learnersFromScratch = this.jdbc.sql(LEARNERS_FROM_SCRATCH)
			.param("mentor", mentor.id())
			.query(Long.class)
			.single();
		long waitingFromScratch = this.jdbc.sql(WAITING_FROM_SCRATCH)
			.param("mentor", mentor.id())
			.query(Long.class)
			.single();
		assertThat(new long[] { learnersFromScratch, waitingFromScratch }).as("learners and waiting, from scratch")
			.containsExactly(learners, waiting);
		long[] stored = this.jdbc.sql("""
				select coalesce((select learners from mentor_totals where mentor_id = :mentor), 0),
					coalesce((select waiting from mentor_totals where mentor_id = :mentor), 0)""")
			.param("mentor", mentor.id())
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		assertThat(stored).as("learners and waiting, as kept in mentor_totals").containsExactly(learners, waiting);
		long shownLearners = this.dashboard.learners(mentor.id(), 0, MentorDashboard.Sort.NAME, false, false, 0, 25)
			.total();
		long shownWaiting = this.queue.waiting(mentor.id(), ReviewQueue.Filter.ALL, 1, 10).total();
		assertThat(new long[] { shownLearners, shownWaiting }).as("learners and waiting, as the mentor page shows them")
			.containsExactly(learners, waiting);
		for (MentorDashboard.Sort sort : MentorDashboard.Sort.values()) {
			assertThat(this.dashboard.learners(mentor.id(), 0, sort, true, false, 0, 25).total())
				.as("learners by %s", sort)
				.isEqualTo(learners);
		}
	}

	/**
	 * The learners of one of the mentor's cohorts, as their page shows them with that
	 * cohort chosen.
	 */
	private long cohortTotal(AccountPrincipal mentor, Cohort cohort) {
		long total = this.dashboard
			.learners(mentor.id(), cohort.id(), MentorDashboard.Sort.PROGRESS, false, false, 0, 25)
			.total();
		long fromScratch = this.jdbc
			.sql("select count(*) from cohort_learner where cohort_id = :cohort and user_id <> :mentor")
			.param("cohort", cohort.id())
			.param("mentor", mentor.id())
			.query(Long.class)
			.single();
		assertThat(total).as("learners of the cohort").isEqualTo(fromScratch);
		return total;
	}

	private Cohort cohortMentoredBy(AccountPrincipal mentor) {
		Cohort cohort = this.cohorts.create(uniqueName());
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		return cohort;
	}

	/**
	 * A learner, in no cohort yet, with as many review requests waiting.
	 */
	private AccountPrincipal learnerWaitingFor(int requests) {
		AccountPrincipal learner = this.learners.aLearner();
		for (Skill project : projects().subList(0, requests)) {
			this.reviews.requestReview(learner.id(), project, done(learner, project));
		}
		return learner;
	}

	private Evidence done(AccountPrincipal learner, Skill skill) {
		this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);
		return EVIDENCE;
	}

	private List<Skill> projects() {
		List<Skill> reviewable = this.roadmap.stage("projects").orElseThrow().skills();
		assertThat(reviewable).hasSizeGreaterThanOrEqualTo(2).allMatch(Skill::reviewable);
		return reviewable;
	}

	private void deleteAccount(AccountPrincipal account) throws Exception {
		this.mvc
			.perform(post("/account/delete").with(user(account))
				.with(csrf())
				.param("currentPassword", Learners.PASSWORD)
				.param("confirmation", "DELETE"))
			.andExpect(status().isSeeOther());
	}

	private boolean syncSummaries() {
		return this.jdbc.sql("select sync_learner_progress()").query(Boolean.class).single();
	}

	private static String uniqueName() {
		return "Totals " + UUID.randomUUID();
	}

}
