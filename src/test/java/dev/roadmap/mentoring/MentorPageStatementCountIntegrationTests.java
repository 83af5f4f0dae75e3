package dev.roadmap.mentoring;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.review.ReviewQueue;
import dev.roadmap.shared.PageOf;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mentor page reads in a constant number of SQL statements, whatever the number of
 * learners (issue 3): it runs as many for a cohort of 5 as for one of 200, with varied
 * statuses, reviews and history. Statements are counted with datasource-proxy around the
 * application's DataSource, so this class has an application context of its own.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentorPageStatementCountIntegrationTests {

	/**
	 * The mentor page shows 25 learners a page: all of the small cohort, a full page of
	 * the big one.
	 */
	private static final int PAGE_SIZE = 25;

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	CohortService cohorts;

	@Autowired
	MentorDashboard dashboard;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	ReviewQueue queue;

	private AccountPrincipal mentorOf5;

	private AccountPrincipal mentorOf200;

	@BeforeAll
	void twoCohortsOf5And200LearnersAtDifferentPoints() {
		this.mentorOf5 = mentorOfCohortWith(5);
		this.mentorOf200 = mentorOfCohortWith(200);
	}

	@Test
	void mentorPageRunsAsManyStatementsFor200LearnersAsFor5() throws Exception {
		page(this.mentorOf5);
		Counted<Document> five = this.statements.count(() -> page(this.mentorOf5));
		Counted<Document> twoHundred = this.statements.count(() -> page(this.mentorOf200));

		System.out.println("mentor page statements: 5 learners=" + five.statements() + ", 200 learners="
				+ twoHundred.statements());
		assertThat(five.result().select("tr[data-learner]")).hasSize(5);
		assertThat(twoHundred.result().select("tr[data-learner]")).hasSize(PAGE_SIZE);
		assertThat(twoHundred.result().select("tr[data-review]")).hasSize(10);
		assertThat(five.statements()).isPositive();
		assertThat(twoHundred.statements()).as("statements for 200 learners, against 5: %s", twoHundred.sql())
			.isEqualTo(five.statements());
	}

	@Test
	void dashboardReadsAPageOfLearnersInTheSameStatementsWhateverTheirNumber() {
		Counted<PageOf<MentorDashboard.Row>> five = this.statements.count(() -> learners(this.mentorOf5, PAGE_SIZE));
		Counted<PageOf<MentorDashboard.Row>> twoHundred = this.statements
			.count(() -> learners(this.mentorOf200, PAGE_SIZE));
		Counted<PageOf<MentorDashboard.Row>> allTwoHundred = this.statements
			.count(() -> learners(this.mentorOf200, 200));

		System.out.println("mentor dashboard statements: 5 learners=" + five.statements() + ", 200 learners="
				+ twoHundred.statements() + ", 200 learners on one page=" + allTwoHundred.statements());
		assertThat(five.result().items()).hasSize(5);
		assertThat(twoHundred.result().items()).hasSize(PAGE_SIZE);
		assertThat(twoHundred.result().total()).isEqualTo(200);
		assertThat(allTwoHundred.result().items()).hasSize(200)
			.allSatisfy((row) -> assertThat(row.stages()).hasSize(10));
		assertThat(allTwoHundred.result().items()).anySatisfy((row) -> assertThat(row.stuck()).isTrue())
			.anySatisfy((row) -> assertThat(row.stuck()).isFalse())
			.anySatisfy((row) -> assertThat(row.verified()).isPositive());
		assertThat(five.statements()).isEqualTo(1);
		assertThat(twoHundred.statements()).isEqualTo(five.statements());
		assertThat(allTwoHundred.statements()).isEqualTo(five.statements());
	}

	@Test
	void onlyStuckLearnersAreShownInEveryOrderInOneStatementWhateverTheirNumber() throws Exception {
		for (MentorDashboard.Sort sort : MentorDashboard.Sort.values()) {
			for (boolean descending : List.of(false, true)) {
				Counted<PageOf<MentorDashboard.Row>> five = this.statements
					.count(() -> this.dashboard.learners(this.mentorOf5.id(), 0, sort, descending, true, 1, PAGE_SIZE));
				Counted<PageOf<MentorDashboard.Row>> all = this.statements
					.count(() -> this.dashboard.learners(this.mentorOf200.id(), 0, sort, descending, true, 1, 200));
				PageOf<MentorDashboard.Row> everyone = this.dashboard.learners(this.mentorOf200.id(), 0, sort,
						descending, false, 1, 200);

				List<Long> stuckInOrder = everyone.items()
					.stream()
					.filter(MentorDashboard.Row::stuck)
					.map(MentorDashboard.Row::id)
					.toList();
				assertThat(all.result().items()).as("stuck learners by %s %s", sort, descending ? "desc" : "asc")
					.extracting(MentorDashboard.Row::id)
					.containsExactlyElementsOf(stuckInOrder);
				assertThat(all.result().total()).isEqualTo(stuckInOrder.size());
				assertThat(stuckInOrder).hasSizeBetween(1, 199);
				assertThat(five.result().items()).allMatch(MentorDashboard.Row::stuck);
				assertThat(five.statements()).isEqualTo(1);
				assertThat(all.statements()).isEqualTo(five.statements());
			}
		}
		Document page = Html.of(this.mvc.perform(get("/mentor").param("stuck", "true").with(user(this.mentorOf200)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(page.select("tr[data-learner]")).hasSize(PAGE_SIZE)
			.allSatisfy((row) -> assertThat(row.select(".stuck")).hasSize(1));
		assertThat(page.select("#stuck").hasAttr("checked")).isTrue();
		assertThat(page.select("nav a[href*='&page=1']").attr("href")).contains("stuck=true");
	}

	@Test
	void theQueueReadsAPageInOneStatementWhateverItsFilterAndSize() {
		// About 5 and about 500 waiting requests: a third of the learners wait for a
		// review of each project they did.
		AccountPrincipal few = mentorOfCohortWith(11);
		AccountPrincipal many = mentorOfCohortWith(1_070);
		for (ReviewQueue.Filter filter : List.of(ReviewQueue.Filter.ALL,
				new ReviewQueue.Filter(ReviewQueue.ALL_COHORTS, "projects", 0, false, ReviewQueue.Order.WAITING),
				new ReviewQueue.Filter(ReviewQueue.ALL_COHORTS, null, 0, true, ReviewQueue.Order.WAITING),
				new ReviewQueue.Filter(ReviewQueue.ALL_COHORTS, null, 0, false, ReviewQueue.Order.LEARNER))) {
			Counted<PageOf<ReviewQueue.Item>> fewCounted = this.statements
				.count(() -> this.queue.waiting(few.id(), filter, 1, 10));
			Counted<PageOf<ReviewQueue.Item>> manyCounted = this.statements
				.count(() -> this.queue.waiting(many.id(), filter, 1, 10));

			System.out.println("queue statements " + filter + ": " + fewCounted.result().total() + " waiting="
					+ fewCounted.statements() + ", " + manyCounted.result().total() + " waiting="
					+ manyCounted.statements());
			assertThat(fewCounted.statements()).as("%s", filter).isEqualTo(1);
			assertThat(manyCounted.statements()).as("%s", filter).isEqualTo(1);
		}
		assertThat(this.queue.waiting(few.id(), ReviewQueue.Filter.ALL, 1, 10).total()).isBetween(3L, 10L);
		assertThat(this.queue.waiting(many.id(), ReviewQueue.Filter.ALL, 1, 10).total()).isBetween(450L, 600L);
	}

	private Document page(AccountPrincipal mentor) {
		try {
			return Html.of(this.mvc.perform(get("/mentor").with(user(mentor))).andExpect(status().isOk()).andReturn());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private PageOf<MentorDashboard.Row> learners(AccountPrincipal mentor, int size) {
		return this.dashboard.learners(mentor.id(), 0, MentorDashboard.Sort.NAME, false, false, 1, size);
	}

	/**
	 * A mentor of a new cohort of {@code size} learners, written in a few set-based
	 * statements: every learner has touched about four skills in five (in progress, done
	 * or skipped), done projects wait for a review or are verified, and half of them did
	 * nothing for more than the 14 days that make a learner stuck.
	 */
	private AccountPrincipal mentorOfCohortWith(int size) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String emails = "bulk-" + run + "-%@example.com";
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = this.cohorts.create("Cohort of " + size + " " + run);
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		this.jdbc.sql("""
				insert into app_user (email, display_name, password_hash)
				select 'bulk-' || :run || '-' || g || '@example.com', 'Bulk learner ' || g, 'no login'
				from generate_series(1, :size) g""").param("run", run).param("size", size).update();
		this.jdbc
			.sql("insert into user_role (user_id, role) select id, 'LEARNER' from app_user where email like :emails")
			.param("emails", emails)
			.update();
		this.jdbc.sql("""
				insert into cohort_learner (cohort_id, user_id, enrolled_at)
				select :cohort, id, now() - interval '60 days' from app_user where email like :emails""")
			.param("cohort", cohort.id())
			.param("emails", emails)
			.update();
		this.jdbc.sql("""
				insert into skill_status (user_id, skill_id, status, updated_at, review_state, review_requested_at,
					reviewed_at, reviewed_by, evidence_url)
				select user_id, skill_id, status, now(),
					case when reviewable and status = 'DONE' and user_id % 3 = 0 then 'REQUESTED'
						when reviewable and status = 'DONE' and user_id % 3 = 1 then 'APPROVED' else 'NONE' end,
					case when reviewable and status = 'DONE' and user_id % 3 < 2
						then now() - ((user_id % 4) * 10 + 1) * interval '1 day' end,
					case when reviewable and status = 'DONE' and user_id % 3 = 1 then now() end,
					case when reviewable and status = 'DONE' and user_id % 3 = 1 then :mentor end,
					case when reviewable and status = 'DONE' and user_id % 3 < 2 then 'https://git.example.com/p' end
				from (
					select u.id as user_id, sk.id as skill_id, sk.reviewable,
						case (u.id + sk.id) % 5 when 1 then 'IN_PROGRESS' when 2 then 'SKIPPED' else 'DONE' end
							as status
					from app_user u cross join skill sk
					where u.email like :emails and not sk.retired and (u.id * 7 + sk.id) % 5 <> 0
				) touched""").param("mentor", mentor.id()).param("emails", emails).update();
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select ss.user_id, ss.skill_id, 'NOT_STARTED', ss.status,
					now() - ((ss.user_id % 4) * 10 + ss.skill_id % 5) * interval '1 day'
				from skill_status ss join app_user u on u.id = ss.user_id where u.email like :emails""")
			.param("emails", emails)
			.update();
		this.jdbc.sql("""
				insert into review_event (user_id, skill_id, actor_id, action, occurred_at)
				select ss.user_id, ss.skill_id, ss.user_id, 'REQUESTED', ss.review_requested_at
				from skill_status ss join app_user u on u.id = ss.user_id
				where u.email like :emails and ss.review_requested_at is not null""").param("emails", emails).update();
		ProgressSummaries.refreshWhereEmailLike(this.jdbc, emails);
		return mentor;
	}

}
