package dev.roadmap.progress;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learners' progress summary ({@code learner_progress}) always equals what their
 * statuses and events say, aggregated from scratch the way the mentor page used to: after
 * status changes, review actions, decisions and approvals, and after the content retires
 * a skill.
 */
@RoadmapIntegrationTest
class LearnerProgressSummaryIntegrationTests {

	/**
	 * The summary computed from scratch, as the mentor page's aggregate did before there
	 * was a summary.
	 */
	private static final String FROM_SCRATCH = """
			select count(sk.id) as total,
				count(ss.user_id) filter (where ss.status = 'DONE') as done,
				count(ss.user_id) filter (where ss.status = 'SKIPPED') as skipped,
				count(ss.user_id) filter (where ss.status = 'DONE' and ss.review_state = 'APPROVED') as verified,
				count(ss.user_id) filter (where ss.status = 'DONE' and ss.review_state = 'REQUESTED') as waiting,
				(select max(e.occurred_at) from (
					select occurred_at from status_event where user_id = :user
					union all
					select occurred_at from review_event where user_id = :user and actor_id = user_id
				) e) as last_activity
			from skill sk
			join stage st on st.id = sk.stage_id and not st.retired
			left join skill_status ss on ss.user_id = :user and ss.skill_id = sk.id
			where not sk.retired""";

	private static final String SUMMARY = """
			select total, done, skipped, verified, waiting, last_activity_at as last_activity, percent
			from learner_progress where user_id = :user""";

	@Autowired
	Learners learners;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewAccountHasAnEmptySummary() {
		AccountPrincipal learner = this.learners.aLearner();

		Map<String, Object> summary = summaryOf(learner.id());
		assertThat(summary).containsEntry("done", 0).containsEntry("skipped", 0).containsEntry("verified", 0);
		assertThat(summary.get("last_activity")).isNull();
		assertThat(summary.get("percent")).isEqualTo(0);
		assertThat(summaryMatchesFromScratch(learner.id())).isTrue();
	}

	@Test
	void summaryEqualsAFreshAggregateAfterStatusChangesAndReviews() {
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		List<Skill> projects = this.roadmap.stage("projects").orElseThrow().skills();
		List<Skill> languages = this.roadmap.stage("languages").orElseThrow().skills();
		Evidence evidence = new Evidence("https://git.example.com/project", null, "See the README.");

		this.progress.setStatus(learner.id(), languages.get(0), SkillStatus.DONE);
		this.progress.setStatus(learner.id(), languages.get(1), SkillStatus.SKIPPED);
		this.progress.setStatus(learner.id(), languages.get(2), SkillStatus.IN_PROGRESS);
		assertThat(summaryMatchesFromScratch(learner.id())).isTrue();
		for (Skill project : projects) {
			this.progress.setStatus(learner.id(), project, SkillStatus.DONE);
			this.reviews.requestReview(learner.id(), project, evidence);
		}
		this.decisions.claim(mentor.id(), learner.id(), projects.get(0).id());
		this.decisions.approve(mentor.id(), learner.id(), projects.get(0),
				this.reviews.reviewOf(learner.id(), projects.get(0).id()).iteration(), null);
		this.decisions.claim(mentor.id(), learner.id(), projects.get(1).id());
		this.decisions.approve(mentor.id(), learner.id(), projects.get(1),
				this.reviews.reviewOf(learner.id(), projects.get(1).id()).iteration(), null);
		this.decisions.claim(mentor.id(), learner.id(), projects.get(2).id());
		this.decisions.requestChanges(mentor.id(), learner.id(), projects.get(2),
				this.reviews.reviewOf(learner.id(), projects.get(2).id()).iteration(), "Add tests.");
		this.reviews.reply(learner.id(), projects.get(2), "Added them.");
		assertThat(summaryOf(learner.id())).containsEntry("verified", 2).containsEntry("done", 4);
		assertThat(summaryMatchesFromScratch(learner.id())).isTrue();

		// A verified skill no longer done loses its verification; done again, it needs a
		// new review.
		this.progress.setStatus(learner.id(), projects.get(0), SkillStatus.IN_PROGRESS);
		assertThat(summaryOf(learner.id())).containsEntry("verified", 1).containsEntry("done", 3);
		this.progress.setStatus(learner.id(), projects.get(0), SkillStatus.DONE);
		this.progress.setStatus(learner.id(), languages.get(1), SkillStatus.NOT_STARTED);
		assertThat(summaryOf(learner.id())).containsEntry("verified", 1).containsEntry("skipped", 0);
		assertThat(summaryMatchesFromScratch(learner.id())).isTrue();
	}

	/**
	 * A status change refreshes one learner's summary (refresh_one_learner_progress), the
	 * backfill and the rebuild many (refresh_learner_progress): both write what the view
	 * learner_progress_computed says, for a learner with statuses of every kind and for
	 * one with none.
	 */
	@Test
	void oneLearnerAndASetOfLearnersAreRefreshedAlike() {
		List<Skill> languages = this.roadmap.stage("languages").orElseThrow().skills();
		AccountPrincipal busy = this.learners.learner()
			.withStageDone("databases")
			.with(languages.get(0), SkillStatus.SKIPPED)
			.with(languages.get(1), SkillStatus.IN_PROGRESS)
			.create();
		AccountPrincipal idle = this.learners.aLearner();
		Map<String, Object> busyBefore = summaryOf(busy.id());
		Map<String, Object> idleBefore = summaryOf(idle.id());
		assertThat(busyBefore.get("done")).isNotEqualTo(0);

		spoilSummariesOf(busy.id(), idle.id());
		this.jdbc.sql("select refresh_learner_progress(array[:busy, :idle]::bigint[])")
			.param("busy", busy.id())
			.param("idle", idle.id())
			.query((rs) -> {
			});
		assertThat(summaryOf(busy.id())).isEqualTo(busyBefore);
		assertThat(summaryOf(idle.id())).isEqualTo(idleBefore);

		spoilSummariesOf(busy.id(), idle.id());
		// Many calls: after five on a connection PostgreSQL plans the function's
		// statements once for any learner (a generic plan), which must give the same.
		for (int call = 0; call < 7; call++) {
			ProgressSummaries.refresh(this.jdbc, busy.id());
			ProgressSummaries.refresh(this.jdbc, idle.id());
		}
		assertThat(summaryOf(busy.id())).isEqualTo(busyBefore);
		assertThat(summaryOf(idle.id())).isEqualTo(idleBefore);
		assertThat(summaryMatchesFromScratch(busy.id())).isTrue();
		assertThat(summaryMatchesFromScratch(idle.id())).isTrue();
	}

	private void spoilSummariesOf(long... userIds) {
		for (long userId : userIds) {
			this.jdbc.sql("""
					update learner_progress set total = 0, done = 41, skipped = 1, verified = 7, waiting = 0,
						percent = 3, last_activity_at = now() - interval '3 years'
					where user_id = :user""").param("user", userId).update();
		}
	}

	@Test
	void aMentorsActionIsNotTheLearnersActivity() {
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Skill project = this.roadmap.stage("projects").orElseThrow().skills().get(0);
		this.progress.setStatus(learner.id(), project, SkillStatus.DONE);
		this.reviews.requestReview(learner.id(), project, new Evidence("https://git.example.com/p", null, null));
		Object before = summaryOf(learner.id()).get("last_activity");

		this.decisions.comment(mentor.id(), learner.id(), project, "Looks good so far.");

		assertThat(summaryOf(learner.id()).get("last_activity")).isEqualTo(before);
		assertThat(summaryMatchesFromScratch(learner.id())).isTrue();
	}

	@Test
	void summaryFollowsTheContentWhenASkillIsRetiredAndRestored() {
		List<Skill> languages = this.roadmap.stage("languages").orElseThrow().skills();
		AccountPrincipal learner = this.learners.learner()
			.withStageDone("languages")
			.with(languages.get(0), SkillStatus.SKIPPED)
			.create();
		Map<String, Object> before = summaryOf(learner.id());
		Skill retired = languages.get(1);
		try {
			// What the content migration does when the file drops a skill; the summary
			// is then rebuilt after the migrate, as Flyway's callback does.
			this.jdbc.sql("update skill set retired = true where id = :skill").param("skill", retired.id()).update();
			assertThat(sync()).isTrue();
			assertThat(summaryOf(learner.id())).containsEntry("total", (int) before.get("total") - 1)
				.containsEntry("done", (int) before.get("done") - 1);
			assertThat(summaryMatchesFromScratch(learner.id())).isTrue();
			assertThat(sync()).as("a second start finds the summary current").isFalse();
		}
		finally {
			this.jdbc.sql("update skill set retired = false where id = :skill").param("skill", retired.id()).update();
			sync();
		}
		assertThat(summaryOf(learner.id())).isEqualTo(before);
	}

	/**
	 * The summary is refreshed in every status change's transaction, so it must cost the
	 * same for a learner with a long history: the buffers one refresh touches (EXPLAIN
	 * counts those of the statements inside the function too) do not grow with the
	 * events. Aggregating every event for the last activity touched 49 more buffers for
	 * these 5,000 (clustered; in real use, one per event).
	 */
	@Test
	void refreshingASummaryCostsTheSameWhateverTheHistorysLength() {
		AccountPrincipal newcomer = this.learners.aLearner();
		AccountPrincipal veteran = this.learners.aLearner();
		Skill skill = this.roadmap.stages().get(0).skills().get(0);
		this.progress.setStatus(newcomer.id(), skill, SkillStatus.IN_PROGRESS);
		this.progress.setStatus(veteran.id(), skill, SkillStatus.IN_PROGRESS);
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select :user, :skill, 'IN_PROGRESS', 'IN_PROGRESS', now() - make_interval(mins => n)
				from generate_series(1, 5000) n""").param("user", veteran.id()).param("skill", skill.id()).update();
		this.jdbc.sql("analyze status_event").update();

		long newcomerBuffers = buffersOfRefreshing(newcomer.id());
		long veteranBuffers = buffersOfRefreshing(veteran.id());

		assertThat(veteranBuffers).isLessThanOrEqualTo(newcomerBuffers + 10);
		assertThat(summaryMatchesFromScratch(veteran.id())).isTrue();
	}

	private long buffersOfRefreshing(long userId) {
		buffers(userId);
		return buffers(userId);
	}

	private long buffers(long userId) {
		String plan = this.jdbc
			.sql("explain (analyze, buffers, format json) select refresh_one_learner_progress(:user)")
			.param("user", userId)
			.query(String.class)
			.single();
		Matcher hits = Pattern.compile("\"Shared (Hit|Read) Blocks\": (\\d+)").matcher(plan);
		long total = 0;
		while (hits.find()) {
			total += Long.parseLong(hits.group(2));
		}
		return total;
	}

	private boolean sync() {
		return this.jdbc.sql("select sync_learner_progress()").query(Boolean.class).single();
	}

	private Map<String, Object> summaryOf(long userId) {
		return this.jdbc.sql(SUMMARY).param("user", userId).query().singleRow();
	}

	private boolean summaryMatchesFromScratch(long userId) {
		Map<String, Object> expected = this.jdbc.sql(FROM_SCRATCH).param("user", userId).query().singleRow();
		Map<String, Object> actual = summaryOf(userId);
		long total = ((Number) expected.get("total")).longValue();
		long done = ((Number) expected.get("done")).longValue();
		long skipped = ((Number) expected.get("skipped")).longValue();
		long percent = (total == 0) ? 0 : (total == skipped) ? 100 : done * 100 / (total - skipped);
		assertThat(actual.get("total")).isEqualTo((int) total);
		assertThat(actual.get("done")).isEqualTo((int) done);
		assertThat(actual.get("skipped")).isEqualTo((int) skipped);
		assertThat(actual.get("verified")).isEqualTo(((Number) expected.get("verified")).intValue());
		assertThat(actual.get("waiting")).isEqualTo(((Number) expected.get("waiting")).intValue());
		assertThat(actual.get("percent")).isEqualTo((int) percent);
		assertThat(actual.get("last_activity")).isEqualTo(expected.get("last_activity"));
		return true;
	}

}
