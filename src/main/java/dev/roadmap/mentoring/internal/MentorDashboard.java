package dev.roadmap.mentoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.roadmap.progress.Progress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentor's table of learners × stages, read in two statements whatever the number of
 * learners, skills or events: one aggregate for the page of learners (sorted and counted
 * in SQL), one for their per-stage counts.
 */
@Component
public class MentorDashboard {

	private static final String LEARNERS = """
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

	private static final String STAGE_COUNTS = """
			select u.id as learner_id, st.slug, count(sk.id) as total,
				count(ss.user_id) filter (where ss.status = 'DONE') as done,
				count(ss.user_id) filter (where ss.status = 'SKIPPED') as skipped
			from app_user u
			cross join skill sk
			join stage st on st.id = sk.stage_id and not st.retired
			left join skill_status ss on ss.user_id = u.id and ss.skill_id = sk.id
			where u.id in (:ids) and not sk.retired
			group by u.id, st.slug""";

	private final JdbcClient jdbc;

	private final Duration stuckAfter;

	MentorDashboard(JdbcClient jdbc, @Value("${roadmap.mentor.stuck-after:14d}") Duration stuckAfter) {
		this.jdbc = jdbc;
		this.stuckAfter = stuckAfter;
	}

	public Duration stuckAfter() {
		return this.stuckAfter;
	}

	/**
	 * One page of the learners of the mentor's active cohorts, or of one of them.
	 * @param cohortId a cohort to show alone, or 0 for all the mentor's cohorts
	 */
	@Transactional(readOnly = true)
	public Page learners(long mentorId, long cohortId, Sort sort, boolean descending, int page, int size) {
		Instant stuckBefore = Instant.now().minus(this.stuckAfter);
		long[] matching = { 0 };
		List<Line> lines = this.jdbc
			.sql(LEARNERS + " order by " + sort.orderBy(descending) + ", u.id limit :size offset :offset")
			.param("mentor", mentorId)
			.param("cohort", cohortId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, rowNum) -> {
				matching[0] = rs.getLong("matching");
				return new Line(rs.getLong("id"), rs.getString("name"),
						new Progress(rs.getInt("done"), rs.getInt("skipped"), rs.getInt("total")),
						rs.getInt("verified"), rs.getTimestamp("last_activity").toInstant());
			})
			.list();
		Map<Long, Map<String, Progress>> stages = new HashMap<>();
		if (!lines.isEmpty()) {
			this.jdbc.sql(STAGE_COUNTS).param("ids", lines.stream().map(Line::id).toList()).query((rs) -> {
				stages.computeIfAbsent(rs.getLong("learner_id"), (id) -> new HashMap<>())
					.put(rs.getString("slug"),
							new Progress(rs.getInt("done"), rs.getInt("skipped"), rs.getInt("total")));
			});
		}
		List<Row> rows = lines.stream()
			.map((line) -> new Row(line.id(), line.name(), line.overall(), line.verified(), line.lastActivity(),
					line.lastActivity().isBefore(stuckBefore), stages.getOrDefault(line.id(), Map.of())))
			.toList();
		return new Page(rows, page, size, matching[0]);
	}

	private record Line(long id, String name, Progress overall, int verified, Instant lastActivity) {
	}

	/**
	 * How the table can be sorted.
	 */
	public enum Sort {

		NAME("lower(u.display_name)"), PROGRESS("percent"), ACTIVITY("last_activity");

		private final String column;

		Sort(String column) {
			this.column = column;
		}

		String orderBy(boolean descending) {
			return this.column + (descending ? " desc" : " asc");
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

	/**
	 * A page of learners and how many match in all.
	 */
	public record Page(List<Row> rows, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

		public boolean hasNext() {
			return this.page + 1 < pages();
		}

		public boolean hasPrevious() {
			return this.page > 0;
		}

	}

}
