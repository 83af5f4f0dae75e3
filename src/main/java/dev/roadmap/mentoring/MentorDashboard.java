package dev.roadmap.mentoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.roadmap.mentoring.internal.MentoringProperties;
import dev.roadmap.progress.Progress;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentor's table of learners × stages, read in one statement whatever the number of
 * learners, skills or events: the page of learners (sorted and paged in SQL over
 * progress's per-learner summary) with their per-stage counts, and how many learners
 * there are in all, which the database keeps on every membership change (V19) instead of
 * counting them here.
 */
@Component
public class MentorDashboard {

	// The mentor's active cohorts (or the one chosen); %s is the cohort filter.
	private static final String MINE = """
			with mine as (
				select cm.cohort_id from cohort_mentor cm
				join cohort c on c.id = cm.cohort_id and not c.archived
				where cm.user_id = :mentor%s
			)""";

	// Whether learner_progress lp's learner belongs to one of the mentor's cohorts.
	private static final String MENTORED = """
			lp.user_id <> :mentor and exists (
				select 1 from cohort_learner cl where cl.user_id = lp.user_id and cl.cohort_id in (select cohort_id from mine))""";

	// Whether learner_progress lp's learner looks stuck: no activity of their own
	// since :stuckBefore or, with none at all, no enrolment in the shown cohorts
	// since then (the last activity the table shows).
	// Written as a range on last_activity_at (or no activity at all), which its index
	// answers, rather than as one expression over every learner.
	private static final String STUCK = " and (lp.last_activity_at < :stuckBefore or (lp.last_activity_at is null"
			+ " and (select min(cl.enrolled_at) from cohort_learner cl where cl.user_id = lp.user_id"
			+ " and cl.cohort_id in (select cohort_id from mine)) < :stuckBefore))";

	// How many stuck learners the table has: counted, as nothing keeps that number.
	private static final String STUCK_MATCHING = "(select count(*) from learner_progress lp where " + MENTORED + STUCK
			+ ")";

	// How many learners the table has in all, each kept exact by the database on every
	// membership change and archiving (V19): the mentor's distinct learners over their
	// active cohorts (never themselves), or the chosen cohort's learners, less the mentor
	// when they are one of them.
	private static final String ALL_MATCHING = "coalesce((select mt.learners from mentor_totals mt where mt.mentor_id = :mentor), 0)";

	private static final String COHORT_MATCHING = """
			(select c.learners - (select count(*) from cohort_learner me where me.cohort_id = c.id and me.user_id = :mentor)
				from mine join cohort c on c.id = mine.cohort_id)""";

	// The page, its learners' summaries (progress's published read model, kept up to date
	// on every change) and the number of learners in all. The candidates come first, in
	// the page's order, straight from an index: see Sort. Then, for the page's learners
	// only, their done and skipped skills per stage (progress's learner_stage_counts), as
	// "stage-id done skipped" joined by commas, so the whole table is one statement; how
	// many skills each stage has is the roadmap's.
	private static final String LEARNERS = """
			,
			candidates as (
				%s
			),
			page as (
				select u.user_id as id, u.display_name as name, lp.done, lp.skipped, lp.total, lp.verified, lp.percent,
					coalesce(lp.last_activity_at, (select min(cl.enrolled_at) from cohort_learner cl
						where cl.user_id = lp.user_id and cl.cohort_id in (select cohort_id from mine))) as last_activity,
					%s as matching
				from candidates k
				join user_directory u on u.user_id = k.id
				join learner_progress lp on lp.user_id = k.id
				order by %s, u.user_id
				limit :size offset :offset
			)
			select p.*, (
				select string_agg(c.stage_id || ' ' || c.done || ' ' || c.skipped, ',')
				from learner_stage_counts c where c.user_id = p.id
			) as stage_counts
			from page p
			order by %s, p.id""";

	private final JdbcClient jdbc;

	private final RoadmapService roadmap;

	private final Duration stuckAfter;

	MentorDashboard(JdbcClient jdbc, RoadmapService roadmap, MentoringProperties properties) {
		this.jdbc = jdbc;
		this.roadmap = roadmap;
		this.stuckAfter = properties.stuckAfter();
	}

	public Duration stuckAfter() {
		return this.stuckAfter;
	}

	/**
	 * One page of the learners of the mentor's active cohorts, or of one of them.
	 * @param cohortId a cohort to show alone, or 0 for all the mentor's cohorts
	 * @param stuckOnly whether to show only the learners who look stuck
	 * @param page the page number, from 1 (a lower one reads as 1)
	 */
	@Transactional(readOnly = true)
	public PageOf<Row> learners(long mentorId, long cohortId, Sort sort, boolean descending, boolean stuckOnly,
			int page, int size) {
		int number = Math.max(1, page);
		Instant stuckBefore = Instant.now().minus(this.stuckAfter);
		long[] matching = { 0 };
		String count = stuckOnly ? STUCK_MATCHING : (cohortId != 0) ? COHORT_MATCHING : ALL_MATCHING;
		String sql = MINE.formatted((cohortId != 0) ? " and cm.cohort_id = :cohort" : "")
				+ LEARNERS.formatted(sort.candidates(descending, stuckOnly ? STUCK : ""), count,
						sort.orderBy(descending), sort.pageOrderBy(descending));
		List<Row> rows = this.jdbc.sql(sql)
			.param("mentor", mentorId)
			.param("cohort", cohortId)
			.param("stuckBefore", Timestamp.from(stuckBefore))
			.param("size", size)
			.param("offset", PageOf.offsetOf(number, size))
			.param("window", PageOf.offsetOf(number, size) + size)
			.query((rs, rowNum) -> {
				matching[0] = rs.getLong("matching");
				Instant lastActivity = rs.getTimestamp("last_activity").toInstant();
				return new Row(rs.getLong("id"), rs.getString("name"),
						new Progress(rs.getInt("done"), rs.getInt("skipped"), rs.getInt("total")),
						rs.getInt("verified"), lastActivity, lastActivity.isBefore(stuckBefore),
						stageProgress(rs.getString("stage_counts")));
			})
			.list();
		return new PageOf<>(rows, number, size, matching[0]);
	}

	/**
	 * The learner's progress per stage of the roadmap, by slug, from their counts as
	 * "stage-id done skipped" joined by commas; a stage without counts is not started.
	 */
	private Map<String, Progress> stageProgress(String counts) {
		Map<Long, int[]> byStage = new HashMap<>();
		if (counts != null) {
			for (String stage : counts.split(",")) {
				String[] parts = stage.split(" ");
				byStage.put(Long.parseLong(parts[0]),
						new int[] { Integer.parseInt(parts[1]), Integer.parseInt(parts[2]) });
			}
		}
		Map<String, Progress> stages = new HashMap<>();
		for (Stage stage : this.roadmap.stages()) {
			int[] doneSkipped = byStage.getOrDefault(stage.id(), new int[2]);
			stages.put(stage.slug(), new Progress(doneSkipped[0], doneSkipped[1], stage.skills().size()));
		}
		return stages;
	}

	/**
	 * How the table can be sorted, ties broken by id. Each order reads its candidates (as
	 * many as the pages up to this one hold) from an index in that order and stops there,
	 * so the first page costs the same for 100 learners or 100,000.
	 */
	public enum Sort {

		NAME("lower(u.display_name)", "lower(p.name)") {
			@Override
			String candidates(boolean descending, String filter) {
				return """
						select lp.user_id as id from user_directory u join learner_progress lp on lp.user_id = u.user_id
						where %s%s
						order by lower(u.display_name) %s, u.user_id limit :window""".formatted(MENTORED, filter,
						dir(descending));
			}
		},

		PROGRESS("lp.percent", "p.percent") {
			@Override
			String candidates(boolean descending, String filter) {
				return """
						select lp.user_id as id from learner_progress lp
						where %s%s
						order by lp.percent %s, lp.user_id limit :window""".formatted(MENTORED, filter,
						dir(descending));
			}
		},

		/**
		 * A learner's last activity is their latest status change or own review action
		 * (in the summary) or, when they have none, their first enrolment in the shown
		 * cohorts: two candidate lists, merged by the outer query.
		 */
		ACTIVITY("last_activity", "p.last_activity") {
			@Override
			String candidates(boolean descending, String filter) {
				return """
						(select lp.user_id as id from learner_progress lp
						where lp.last_activity_at is not null and %s%s
						order by lp.last_activity_at %s, lp.user_id limit :window)
						union all
						(select lp.user_id from learner_progress lp
						join cohort_learner cl on cl.user_id = lp.user_id and cl.cohort_id in (select cohort_id from mine)
						where lp.last_activity_at is null and lp.user_id <> :mentor%s
						group by lp.user_id order by min(cl.enrolled_at) %s, lp.user_id limit :window)"""
					.formatted(MENTORED, filter, dir(descending), filter, dir(descending));
			}
		};

		private final String column;

		private final String pageColumn;

		Sort(String column, String pageColumn) {
			this.column = column;
			this.pageColumn = pageColumn;
		}

		/**
		 * @param filter a condition on {@code lp} to add, starting with {@code and}, or
		 * empty
		 */
		abstract String candidates(boolean descending, String filter);

		String orderBy(boolean descending) {
			return this.column + " " + dir(descending);
		}

		/**
		 * The same order over the page's own columns.
		 */
		String pageOrderBy(boolean descending) {
			return this.pageColumn + " " + dir(descending);
		}

		private static String dir(boolean descending) {
			return descending ? "desc" : "asc";
		}

	}

	/**
	 * One learner's line: overall progress, verified skills, last activity, and whether
	 * they look stuck (no activity for the configured time).
	 */
	public record Row(long id, String name, Progress overall, int verified, Instant lastActivity, boolean stuck,
			Map<String, Progress> stages) {

		public Row {
			stages = Map.copyOf(stages);
		}

		public Progress stage(String slug) {
			return this.stages.getOrDefault(slug, Progress.NONE);
		}

		/**
		 * A heat level from 0 (nothing done) to 4 (complete), for the table's cell
		 * colour.
		 */
		public int heat(String slug) {
			Progress progress = stage(slug);
			if (progress.complete()) {
				return 4;
			}
			return (progress.percent() == 0) ? 0 : 1 + progress.percent() * 3 / 100;
		}

	}

}
