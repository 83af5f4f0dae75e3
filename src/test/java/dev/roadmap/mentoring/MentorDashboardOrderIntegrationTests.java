package dev.roadmap.mentoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewQueue;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.PageOf;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mentor table and the review queue, read from the progress summary and walked in
 * index order, list the same learners and requests in the same order, with the same
 * numbers, as the aggregates they replaced (kept here as the oracle), in every sort
 * order, for all cohorts and for one, on every page.
 */
@RoadmapIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentorDashboardOrderIntegrationTests {

	private static final int PAGE_SIZE = 7;

	/**
	 * The mentor page's query before the progress summary.
	 */
	private static final String OLD_LEARNERS = """
			with learners as (
				select cl.user_id as id, min(cl.enrolled_at) as enrolled_at
				from cohort_learner cl
				join cohort c on c.id = cl.cohort_id and not c.archived
				join cohort_mentor cm on cm.cohort_id = cl.cohort_id and cm.user_id = :mentor
				where (:cohort = 0 or cl.cohort_id = :cohort) and cl.user_id <> :mentor
				group by cl.user_id
			),
			counted as (
				select l.id, count(sk.id) as total,
					count(ss.user_id) filter (where ss.status = 'DONE') as done,
					count(ss.user_id) filter (where ss.status = 'SKIPPED') as skipped,
					count(ss.user_id) filter (where ss.status = 'DONE' and ss.review_state = 'APPROVED') as verified
				from learners l
				cross join skill sk
				join stage st on st.id = sk.stage_id and not st.retired
				left join skill_status ss on ss.user_id = l.id and ss.skill_id = sk.id
				where not sk.retired
				group by l.id
			),
			activity as (
				select e.user_id, max(e.occurred_at) as last from (
					select user_id, occurred_at from status_event
					union all
					select user_id, occurred_at from review_event where actor_id = user_id
				) e join learners l on l.id = e.user_id
				group by e.user_id
			)
			select u.id, u.display_name as name, c.done, c.skipped, c.total, c.verified,
				coalesce(a.last, l.enrolled_at) as last_activity,
				case when c.total = 0 then 0 when c.total = c.skipped then 100
					else c.done * 100 / (c.total - c.skipped) end as percent,
				count(*) over () as matching
			from learners l
			join app_user u on u.id = l.id
			join counted c on c.id = l.id
			left join activity a on a.user_id = l.id
			""";

	/**
	 * The review queue's query before it walked its index.
	 */
	private static final String OLD_WAITING = """
			with learners as (
				select distinct cl.user_id from cohort_learner cl
				join cohort c on c.id = cl.cohort_id and not c.archived
				join cohort_mentor cm on cm.cohort_id = cl.cohort_id and cm.user_id = :mentor
				where cl.user_id <> :mentor
			)
			select ss.user_id, ss.skill_id, count(*) over () as matching
			from skill_status ss
			join learners l on l.user_id = ss.user_id
			join app_user u on u.id = ss.user_id
			join skill sk on sk.id = ss.skill_id and not sk.retired
			join stage st on st.id = sk.stage_id and not st.retired
			where ss.review_state = 'REQUESTED' and ss.status = 'DONE'
			order by ss.review_requested_at, ss.user_id, ss.skill_id
			limit :size offset :offset""";

	@Autowired
	Learners learners;

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
	RoadmapService roadmap;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal mentor;

	private long firstCohort;

	private long secondCohort;

	/**
	 * Two cohorts of one mentor that share some learners (enrolled at other times), plus
	 * an archived cohort and another mentor's cohort that must not show; learners with
	 * equal names and equal progress (ties), some who never did anything (their activity
	 * is their enrolment) and the mentor enrolled as a learner too.
	 */
	@BeforeAll
	void cohortsWithTiesOverlapsAndIdleLearners() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String emails = "order-" + run + "-%@example.com";
		this.mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR, Role.LEARNER));
		AccountPrincipal otherMentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		this.firstCohort = this.cohorts.create("Order A " + run).id();
		this.secondCohort = this.cohorts.create("Order B " + run).id();
		long archived = this.cohorts.create("Order archived " + run).id();
		long others = this.cohorts.create("Order others " + run).id();
		for (long cohort : List.of(this.firstCohort, this.secondCohort, archived)) {
			this.cohorts.assignMentor(cohort, this.mentor.id());
		}
		this.cohorts.assignMentor(others, otherMentor.id());
		this.jdbc.sql("""
				insert into app_user (email, display_name, password_hash)
				select 'order-' || :run || '-' || g || '@example.com',
					(array['ada', 'Ada', 'Bob', 'chloé', 'Dan'])[1 + g % 5] || ' ' || (g % 7), 'no login'
				from generate_series(1, 60) g""").param("run", run).update();
		this.jdbc.sql("""
				insert into cohort_learner (cohort_id, user_id, enrolled_at)
				select case when n % 3 = 0 then :second else :first end, id, now() - (n % 11) * interval '3 days'
				from (select id, row_number() over (order by id) as n from app_user where email like :emails) u""")
			.param("first", this.firstCohort)
			.param("second", this.secondCohort)
			.param("emails", emails)
			.update();
		// Every fourth learner is in both cohorts, enrolled earlier in the other one, and
		// some are also in the archived cohort and in another mentor's.
		this.jdbc.sql("""
				insert into cohort_learner (cohort_id, user_id, enrolled_at)
				select case when n % 3 = 0 then :first else :second end, id, now() - (n % 5) * interval '13 days'
				from (select id, row_number() over (order by id) as n from app_user where email like :emails) u
				where n % 4 = 0""")
			.param("first", this.firstCohort)
			.param("second", this.secondCohort)
			.param("emails", emails)
			.update();
		this.jdbc.sql("""
				insert into cohort_learner (cohort_id, user_id, enrolled_at)
				select c, id, now() - interval '200 days' from app_user, unnest(array[:archived, :others]) c
				where email like :emails and id % 6 = 0""")
			.param("archived", archived)
			.param("others", others)
			.param("emails", emails)
			.update();
		this.cohorts.enrol(this.firstCohort, this.mentor.id());
		// Two learners in five never touch anything; the others reach one of a few
		// levels of progress (many ties), at various times.
		this.jdbc.sql("""
				insert into skill_status (user_id, skill_id, status, updated_at, review_state, review_requested_at,
					reviewed_at, reviewed_by, evidence_url)
				select user_id, skill_id, status, now(),
					case when reviewable and status = 'DONE' and user_id % 3 = 0 then 'REQUESTED'
						when reviewable and status = 'DONE' and user_id % 3 = 1 then 'APPROVED' else 'NONE' end,
					case when reviewable and status = 'DONE' and user_id % 3 < 2
						then now() - ((user_id + skill_id) % 9) * interval '1 day' end,
					case when reviewable and status = 'DONE' and user_id % 3 = 1 then now() end,
					case when reviewable and status = 'DONE' and user_id % 3 = 1 then :mentor end,
					case when reviewable and status = 'DONE' and user_id % 3 < 2 then 'https://git.example.com/p' end
				from (
					select u.id as user_id, sk.id as skill_id, sk.reviewable,
						case when sk.id % 4 = 1 and u.id % 2 = 0 then 'SKIPPED'
							when sk.id % 4 = 2 then 'IN_PROGRESS' else 'DONE' end as status
					from app_user u cross join skill sk
					where u.email like :emails and not sk.retired and u.id % 5 > 1 and sk.id % (u.id % 3 + 2) = 0
				) touched""").param("mentor", this.mentor.id()).param("emails", emails).update();
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select ss.user_id, ss.skill_id, 'NOT_STARTED', ss.status,
					now() - ((ss.user_id * 7 + ss.skill_id) % 40) * interval '1 day'
				from skill_status ss join app_user u on u.id = ss.user_id where u.email like :emails""")
			.param("emails", emails)
			.update();
		this.jdbc.sql("""
				insert into review_event (user_id, skill_id, actor_id, action, occurred_at)
				select ss.user_id, ss.skill_id, ss.user_id, 'REQUESTED', ss.review_requested_at
				from skill_status ss join app_user u on u.id = ss.user_id
				where u.email like :emails and ss.review_requested_at is not null""").param("emails", emails).update();
		ProgressSummaries.refreshWhereEmailLike(this.jdbc, emails);
		// And one learner who works through the services.
		AccountPrincipal learner = this.learners.aLearner();
		this.cohorts.enrol(this.secondCohort, learner.id());
		Skill project = this.roadmap.stage("projects").orElseThrow().skills().get(0);
		this.progress.setStatus(learner.id(), project, SkillStatus.DONE);
		this.reviews.requestReview(learner.id(), project, new Evidence("https://git.example.com/x", null, null));
	}

	@Test
	void everySortOrderListsTheSameLearnersInTheSameOrderAsTheAggregateDid() {
		for (long cohort : List.of(0L, this.firstCohort, this.secondCohort)) {
			for (MentorDashboard.Sort sort : MentorDashboard.Sort.values()) {
				for (boolean descending : List.of(false, true)) {
					List<String> expected = oldLearners(cohort, sort, descending);
					List<String> actual = new ArrayList<>();
					PageOf<MentorDashboard.Row> page;
					int number = 1;
					do {
						page = this.dashboard.learners(this.mentor.id(), cohort, sort, descending, false, number++,
								PAGE_SIZE);
						assertThat(page.total()).isEqualTo(expected.size());
						page.items().forEach((row) -> actual.add(line(row)));
					}
					while (page.hasNext());
					assertThat(actual).as("cohort %s, %s %s", cohort, sort, descending ? "desc" : "asc")
						.hasSizeGreaterThan(PAGE_SIZE * 2)
						.containsExactlyElementsOf(expected);
				}
			}
		}
	}

	@Test
	void aPageBeyondTheLastIsEmpty() {
		PageOf<MentorDashboard.Row> page = this.dashboard.learners(this.mentor.id(), 0, MentorDashboard.Sort.ACTIVITY,
				true, false, 101, PAGE_SIZE);
		assertThat(page.items()).isEmpty();
	}

	@Test
	void theQueueListsTheSameRequestsInTheSameOrderAsTheAggregateDid() {
		for (int number = 0; number < 6; number++) {
			List<String> expected = new ArrayList<>();
			long[] matching = { 0 };
			this.jdbc.sql(OLD_WAITING)
				.param("mentor", this.mentor.id())
				.param("size", 5)
				.param("offset", number * 5)
				.query((rs) -> {
					expected.add(rs.getLong("user_id") + "/" + rs.getLong("skill_id"));
					matching[0] = rs.getLong("matching");
				});
			PageOf<ReviewQueue.Item> page = this.queue.waiting(this.mentor.id(), ReviewQueue.Filter.ALL, number + 1, 5);
			assertThat(page.items().stream().map((item) -> item.learnerId() + "/" + item.skillId()))
				.containsExactlyElementsOf(expected);
			if (!expected.isEmpty()) {
				assertThat(page.total()).isEqualTo(matching[0]).isGreaterThan(10);
			}
		}
	}

	private List<String> oldLearners(long cohort, MentorDashboard.Sort sort, boolean descending) {
		String column = switch (sort) {
			case NAME -> "lower(u.display_name)";
			case PROGRESS -> "percent";
			case ACTIVITY -> "last_activity";
		};
		return this.jdbc.sql(OLD_LEARNERS + " order by " + column + (descending ? " desc" : " asc") + ", u.id")
			.param("mentor", this.mentor.id())
			.param("cohort", cohort)
			.query((rs, rowNum) -> rs.getLong("id") + " " + rs.getString("name") + " " + rs.getInt("done") + "/"
					+ rs.getInt("skipped") + "/" + rs.getInt("total") + " v" + rs.getInt("verified") + " "
					+ rs.getTimestamp("last_activity").toInstant())
			.list();
	}

	private static String line(MentorDashboard.Row row) {
		return row.id() + " " + row.name() + " " + row.overall().done() + "/" + row.overall().skipped() + "/"
				+ row.overall().total() + " v" + row.verified() + " " + row.lastActivity();
	}

}
