package dev.roadmap.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.Skills;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activity read from PostgreSQL: events grouped by day in the learner's zone, streaks,
 * stage completion dates, where the learner left off and what comes next. Events are
 * written with chosen times, as history.
 */
@RoadmapIntegrationTest
class ActivityServiceIntegrationTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	ActivityService activity;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	Learners learners;

	@Autowired
	Skills skills;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEventAt2330UtcCountsForTheNextDayInTokyoAndTheSameDayInNewYork() {
		long learner = this.learners.aLearner().id();
		event(learner, this.skills.of("apis", 0), SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS,
				Instant.parse("2026-03-09T12:00:00Z"));
		event(learner, this.skills.of("apis", 0), SkillStatus.IN_PROGRESS, SkillStatus.DONE,
				Instant.parse("2026-03-10T23:30:00Z"));
		Instant now = Instant.parse("2026-03-11T12:00:00Z");

		Activity utc = activityOf(learner, ZoneOffset.UTC, now);
		Activity tokyo = activityOf(learner, TOKYO, now);
		Activity newYork = activityOf(learner, NEW_YORK, now);

		assertThat(active(utc)).containsExactly(day("2026-03-09", 1), day("2026-03-10", 1));
		assertThat(active(tokyo)).containsExactly(day("2026-03-09", 1), day("2026-03-11", 1));
		assertThat(active(newYork)).containsExactly(day("2026-03-09", 1), day("2026-03-10", 1));
		assertThat(utc.streaks()).isEqualTo(new Streaks(2, 2, LocalDate.parse("2026-03-10")));
		assertThat(tokyo.streaks()).isEqualTo(new Streaks(1, 1, LocalDate.parse("2026-03-11")));
		assertThat(newYork.streaks()).isEqualTo(new Streaks(2, 2, LocalDate.parse("2026-03-10")));
		assertThat(tokyo.doneOverTime()).containsExactly(new DoneCount(LocalDate.parse("2026-03-11"), 1));
		assertThat(newYork.doneOverTime()).containsExactly(new DoneCount(LocalDate.parse("2026-03-10"), 1));
	}

	@Test
	void aFixedOffsetGroupsDaysAsTheRegionWithTheSameOffset() {
		long learner = this.learners.aLearner().id();
		event(learner, this.skills.of("apis", 0), SkillStatus.NOT_STARTED, SkillStatus.DONE,
				Instant.parse("2026-03-10T23:30:00Z"));
		event(learner, this.skills.of("apis", 1), SkillStatus.NOT_STARTED, SkillStatus.DONE,
				Instant.parse("2026-03-10T02:30:00Z"));
		Instant now = Instant.parse("2026-03-11T12:00:00Z");

		assertThat(active(activityOf(learner, ZoneOffset.ofHours(9), now))).containsExactly(day("2026-03-10", 1),
				day("2026-03-11", 1));
		assertThat(active(activityOf(learner, ZoneOffset.ofHoursMinutes(-3, -30), now)))
			.containsExactly(day("2026-03-09", 1), day("2026-03-10", 1));
	}

	@Test
	void theDaysOfDstChangesAreOneDayEachInBerlin() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("databases", 0);
		// Spring forward on 29 March 2026 (23 hours), fall back on 25 October (25 hours).
		List<String> times = List.of("2026-03-28T23:59", "2026-03-29T00:01", "2026-03-29T03:01", "2026-03-29T23:59",
				"2026-03-30T00:01", "2026-10-24T23:59", "2026-10-25T00:01", "2026-10-25T02:30", "2026-10-25T23:59",
				"2026-10-26T00:01");
		SkillStatus from = SkillStatus.NOT_STARTED;
		for (String time : times) {
			SkillStatus to = (from == SkillStatus.IN_PROGRESS) ? SkillStatus.NOT_STARTED : SkillStatus.IN_PROGRESS;
			event(learner, skill, from, to, LocalDateTime.parse(time).atZone(BERLIN).toInstant());
			from = to;
		}
		// The second 02:30 of 25 October, an hour after the first.
		event(learner, skill, from, SkillStatus.DONE,
				LocalDateTime.parse("2026-10-25T02:30").atZone(BERLIN).withLaterOffsetAtOverlap().toInstant());

		Activity berlin = activityOf(learner, BERLIN, Instant.parse("2026-10-27T10:00:00Z"));

		assertThat(active(berlin)).containsExactly(day("2026-03-28", 1), day("2026-03-29", 3), day("2026-03-30", 1),
				day("2026-10-24", 1), day("2026-10-25", 4), day("2026-10-26", 1));
		assertThat(berlin.streaks()).isEqualTo(new Streaks(3, 3, LocalDate.parse("2026-10-26")));
		assertThat(berlin.doneOverTime()).containsExactly(new DoneCount(LocalDate.parse("2026-10-25"), 1));
		// In UTC the spring-forward evening (23:59 CEST = 21:59 UTC) is still the 29th,
		// but
		// the fall-back day's first minute (00:01 CEST) is 22:01 UTC on the 24th.
		assertThat(active(activityOf(learner, ZoneOffset.UTC, Instant.parse("2026-10-27T10:00:00Z"))))
			.extracting(DayCount::date)
			.contains(LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-29"), LocalDate.parse("2026-10-24"))
			.doesNotContain(LocalDate.parse("2026-03-30"));
	}

	@Test
	void theCurrentStreakEndsUnlessTheLastActiveDayIsTodayOrYesterday() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("servers", 0);
		event(learner, skill, SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS, Instant.parse("2026-02-01T10:00:00Z"));
		event(learner, skill, SkillStatus.IN_PROGRESS, SkillStatus.NOT_STARTED, Instant.parse("2026-02-02T10:00:00Z"));
		event(learner, skill, SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS, Instant.parse("2026-02-03T10:00:00Z"));

		assertThat(activityOf(learner, ZoneOffset.UTC, Instant.parse("2026-02-04T23:59:00Z")).streaks().current())
			.isEqualTo(3);
		assertThat(activityOf(learner, ZoneOffset.UTC, Instant.parse("2026-02-05T00:01:00Z")).streaks())
			.isEqualTo(new Streaks(0, 3, LocalDate.parse("2026-02-03")));
		// 00:01 UTC on the 5th is still the 4th in New York: yesterday was active.
		assertThat(activityOf(learner, NEW_YORK, Instant.parse("2026-02-05T00:01:00Z")).streaks().current())
			.isEqualTo(3);
	}

	@Test
	void theCalendarShowsTheLast53WeeksAndTheStreaksAllHistory() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("security", 0);
		// Five days in a row two years ago, then two days ending yesterday.
		Instant now = Instant.parse("2026-03-18T09:00:00Z");
		SkillStatus from = SkillStatus.NOT_STARTED;
		for (String day : List.of("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2026-03-16",
				"2026-03-17")) {
			SkillStatus to = (from == SkillStatus.IN_PROGRESS) ? SkillStatus.NOT_STARTED : SkillStatus.IN_PROGRESS;
			event(learner, skill, from, to, Instant.parse(day + "T08:00:00Z"));
			event(learner, skill, to, from, Instant.parse(day + "T09:00:00Z"));
		}

		Activity activity = activityOf(learner, ZoneOffset.UTC, now);

		assertThat(activity.calendar()).hasSize(52 * 7 + 3);
		assertThat(activity.changesInCalendar()).isEqualTo(4);
		assertThat(activity.activeDaysInCalendar()).isEqualTo(2);
		assertThat(activity.streaks()).isEqualTo(new Streaks(2, 5, LocalDate.parse("2026-03-17")));
		assertThat(activity.months()).last().isEqualTo(new MonthCount(YearMonth.of(2026, 3), 2, 4));
	}

	@Test
	void aStageIsCompletedOnTheDayItsDoneSkillsFirstReachAllButTheSkipped() {
		long learner = this.learners.aLearner().id();
		Stage stage = this.roadmap.stage("what-is-backend").orElseThrow();
		List<Skill> skills = stage.skills();
		Instant start = Instant.parse("2026-01-05T10:00:00Z");
		event(learner, skills.get(0), SkillStatus.NOT_STARTED, SkillStatus.DONE, start);
		event(learner, skills.get(1), SkillStatus.NOT_STARTED, SkillStatus.SKIPPED, start.plusSeconds(86400));
		Instant now = Instant.parse("2026-02-01T10:00:00Z");
		assertThat(activityOf(learner, ZoneOffset.UTC, now).completedOn(stage.slug())).isNull();

		// The last one, done at 20:00 UTC on 7 January: the 8th in Tokyo.
		for (int i = 2; i < skills.size(); i++) {
			event(learner, skills.get(i), SkillStatus.NOT_STARTED, SkillStatus.DONE,
					Instant.parse("2026-01-07T20:00:00Z").plusSeconds(i));
		}
		// Undone and done again later: the first completion stands.
		event(learner, skills.get(0), SkillStatus.DONE, SkillStatus.IN_PROGRESS, Instant.parse("2026-01-20T10:00:00Z"));
		event(learner, skills.get(0), SkillStatus.IN_PROGRESS, SkillStatus.DONE, Instant.parse("2026-01-21T10:00:00Z"));

		assertThat(activityOf(learner, ZoneOffset.UTC, now).completedOn(stage.slug())).isEqualTo("2026-01-07");
		assertThat(activityOf(learner, TOKYO, now).completedOn(stage.slug())).isEqualTo("2026-01-08");
		assertThat(activityOf(learner, ZoneOffset.UTC, now).stagesCompleted()).containsOnlyKeys(stage.slug());
	}

	@Test
	void aStageWhoseSkillsAreAllSkippedIsCompletedWhenTheLastIsSkipped() {
		long learner = this.learners.aLearner().id();
		Stage stage = this.roadmap.stage("projects").orElseThrow();
		for (int i = 0; i < stage.skills().size(); i++) {
			event(learner, stage.skills().get(i), SkillStatus.NOT_STARTED, SkillStatus.SKIPPED,
					Instant.parse("2026-01-0" + (i + 1) + "T10:00:00Z"));
		}

		assertThat(activityOf(learner, ZoneOffset.UTC, Instant.parse("2026-02-01T00:00:00Z")).completedOn("projects"))
			.isEqualTo(LocalDate.of(2026, 1, stage.skills().size()));
	}

	@Test
	void aNewLearnerHasNoActivity() {
		long learner = this.learners.aLearner().id();

		Activity activity = this.activity.activityOf(learner, this.roadmap.stages(), ZoneOffset.UTC);

		assertThat(activity.isEmpty()).isTrue();
		assertThat(activity.streaks()).isEqualTo(Streaks.NONE);
		assertThat(activity.calendar()).hasSizeGreaterThanOrEqualTo(52 * 7 + 1).allMatch((day) -> day.changes() == 0);
		assertThat(activity.doneOverTime()).isEmpty();
		assertThat(activity.stagesCompleted()).isEmpty();
		assertThat(activity.lastTouched()).isNull();
	}

	@Test
	void whereTheLearnerLeftOffIsTheSkillOfTheirLatestStatusChange() {
		long learner = this.learners.aLearner().id();
		List<Stage> stages = this.roadmap.stages();
		event(learner, this.skills.of("apis", 2), SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS,
				Instant.parse("2026-03-01T10:00:00Z"));
		event(learner, this.skills.of("databases", 1), SkillStatus.NOT_STARTED, SkillStatus.DONE,
				Instant.parse("2026-03-03T10:00:00Z"));
		event(learner, this.skills.of("servers", 0), SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS,
				Instant.parse("2026-03-02T10:00:00Z"));

		assertThat(this.activity.activityOf(learner, stages, ZoneOffset.UTC).lastTouched())
			.isEqualTo(this.skills.of("databases", 1));

		this.progress.setStatus(learner, this.skills.of("languages", 3), SkillStatus.IN_PROGRESS);

		assertThat(this.activity.activityOf(learner, stages, ZoneOffset.UTC).lastTouched())
			.isEqualTo(this.skills.of("languages", 3));
	}

	@Test
	void nextUpIsTheFirstNotStartedSkillOfTheEarliestUnfinishedStage() {
		List<Stage> stages = this.roadmap.stages();
		Map<Long, SkillStatus> statuses = new HashMap<>();

		assertThat(ActivityService.nextUp(stages, statuses)).contains(stages.get(0).skills().get(0));

		// Stage 1 finished with a skip; in stage 2 the first is done and the second
		// skipped.
		Stage first = stages.get(0);
		first.skills().forEach((skill) -> statuses.put(skill.id(), SkillStatus.DONE));
		statuses.put(first.skills().get(1).id(), SkillStatus.SKIPPED);
		Stage second = stages.get(1);
		statuses.put(second.skills().get(0).id(), SkillStatus.DONE);
		statuses.put(second.skills().get(1).id(), SkillStatus.SKIPPED);
		statuses.put(second.skills().get(2).id(), SkillStatus.IN_PROGRESS);

		assertThat(ActivityService.nextUp(stages, statuses)).contains(second.skills().get(3));
	}

	@Test
	void nextUpPassesOverAnUnfinishedStageWithNothingLeftToStart() {
		List<Stage> stages = this.roadmap.stages();
		Map<Long, SkillStatus> statuses = new HashMap<>();
		stages.get(0).skills().forEach((skill) -> statuses.put(skill.id(), SkillStatus.IN_PROGRESS));

		assertThat(ActivityService.nextUp(stages, statuses)).contains(stages.get(1).skills().get(0));
	}

	@Test
	void nextUpIsNothingWhenEverySkillIsDoneOrSkipped() {
		List<Stage> stages = this.roadmap.stages();
		Map<Long, SkillStatus> statuses = new HashMap<>();
		stages.forEach((stage) -> stage.skills().forEach((skill) -> statuses.put(skill.id(), SkillStatus.DONE)));
		statuses.put(stages.get(4).skills().get(1).id(), SkillStatus.SKIPPED);

		assertThat(ActivityService.nextUp(stages, statuses)).isEmpty();
	}

	@Test
	void nextUpReadsTheLearnersStatusesFromTheDatabase() {
		List<Stage> stages = this.roadmap.stages();
		long learner = this.learners.learner()
			.withStageDone(stages.get(0).slug())
			.with(stages.get(1).skills().get(0), SkillStatus.SKIPPED)
			.create()
			.id();

		Optional<Skill> next = ActivityService.nextUp(stages, this.progress.statusesOf(learner));

		assertThat(next).contains(stages.get(1).skills().get(1));
	}

	private Activity activityOf(long learner, ZoneId zone, Instant now) {
		return this.activity.activityOf(learner, this.roadmap.stages(), zone, now);
	}

	private static List<DayCount> active(Activity activity) {
		return activity.calendar().stream().filter((day) -> day.changes() > 0).toList();
	}

	private static DayCount day(String date, int changes) {
		return new DayCount(LocalDate.parse(date), changes);
	}

	/**
	 * A status change at a chosen time, written as the application writes one: the event,
	 * and the learner's status row.
	 */
	private void event(long learner, Skill skill, SkillStatus from, SkillStatus to, Instant at) {
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				values (:user, :skill, :from, :to, :at)""")
			.param("user", learner)
			.param("skill", skill.id())
			.param("from", from.name())
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.update();
		this.jdbc
			.sql("""
					insert into skill_status (user_id, skill_id, status, updated_at) values (:user, :skill, :to, :at)
					on conflict (user_id, skill_id) do update set status = excluded.status, updated_at = excluded.updated_at""")
			.param("user", learner)
			.param("skill", skill.id())
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.update();
		ProgressSummaries.refresh(this.jdbc, learner);
	}

}
