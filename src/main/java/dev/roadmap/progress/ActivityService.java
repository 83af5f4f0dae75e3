package dev.roadmap.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's activity from their status events: the calendar, streaks, skills done over
 * time, stage completion dates, and what to do next. Days are calendar dates in the zone
 * the caller passes (the learner's); the database groups events by day, so a read takes
 * the same statements however long the history is.
 */
@Service
public class ActivityService {

	private final JdbcClient jdbc;

	ActivityService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The learner's activity as of now, in two statements.
	 */
	@Transactional(readOnly = true)
	public Activity activityOf(long userId, List<Stage> stages, ZoneId zone) {
		return activityOf(userId, stages, zone, Instant.now());
	}

	/**
	 * The learner's activity as of {@code now}, in two statements: the events grouped by
	 * day, and the day each stage was first complete. Skills and stages no longer in the
	 * roadmap still count as activity but not as done.
	 */
	@Transactional(readOnly = true)
	public Activity activityOf(long userId, List<Stage> stages, ZoneId zone, Instant now) {
		String zoneName = postgresZone(zone);
		LocalDate today = ActivitySeries.day(now, zone);
		List<DayCount> days = new ArrayList<>();
		Map<LocalDate, Integer> netDone = new HashMap<>();
		this.jdbc.sql("""
				select (e.occurred_at at time zone cast(:zone as text))::date as day, count(*) as changes,
					coalesce(sum(case when sk.retired or st.retired then 0
						when e.to_status = 'DONE' then 1 when e.from_status = 'DONE' then -1 else 0 end), 0) as net_done
				from status_event e join skill sk on sk.id = e.skill_id join stage st on st.id = sk.stage_id
				where e.user_id = :user
				group by 1 order by 1""").param("zone", zoneName).param("user", userId).query((rs) -> {
			LocalDate day = rs.getObject("day", LocalDate.class);
			days.add(new DayCount(day, rs.getInt("changes")));
			netDone.put(day, rs.getInt("net_done"));
		});
		List<DayCount> calendar = ActivitySeries.calendar(days, today);
		return new Activity(zone, today, calendar, ActivitySeries.months(calendar), ActivitySeries.streaks(days, today),
				ActivitySeries.doneOverTime(netDone), stagesCompleted(userId, stages, zoneName));
	}

	/**
	 * Replays the learner's events per stage, in order, and keeps the first day on which
	 * done = all − skipped over the stage's current skills.
	 */
	private Map<String, LocalDate> stagesCompleted(long userId, List<Stage> stages, String zoneName) {
		Map<Long, String> slugs = new HashMap<>();
		stages.forEach((stage) -> slugs.put(stage.id(), stage.slug()));
		Map<String, LocalDate> completed = new HashMap<>();
		this.jdbc.sql("""
				with stage_size as (
					select stage_id, count(*) as skills from skill where not retired group by stage_id
				), running as (
					select sk.stage_id, e.occurred_at,
						sum(case when e.to_status = 'DONE' then 1 when e.from_status = 'DONE' then -1 else 0 end)
							over w as done,
						sum(case when e.to_status = 'SKIPPED' then 1 when e.from_status = 'SKIPPED' then -1 else 0 end)
							over w as skipped
					from status_event e join skill sk on sk.id = e.skill_id and not sk.retired
					where e.user_id = :user
					window w as (partition by sk.stage_id order by e.occurred_at, e.id)
				)
				select r.stage_id, (min(r.occurred_at) at time zone cast(:zone as text))::date as completed_on
				from running r join stage_size s on s.stage_id = r.stage_id
				where r.done = s.skills - r.skipped
				group by r.stage_id""").param("user", userId).param("zone", zoneName).query((rs) -> {
			String slug = slugs.get(rs.getLong("stage_id"));
			if (slug != null) {
				completed.put(slug, rs.getObject("completed_on", LocalDate.class));
			}
		});
		return completed;
	}

	/**
	 * The skill of the learner's latest status change, if it is still on the roadmap:
	 * where they left off. One statement.
	 */
	@Transactional(readOnly = true)
	public Optional<Skill> lastTouched(long userId, List<Stage> stages) {
		return this.jdbc.sql("""
				select e.skill_id from status_event e
				join skill sk on sk.id = e.skill_id and not sk.retired
				join stage st on st.id = sk.stage_id and not st.retired
				where e.user_id = :user order by e.occurred_at desc, e.id desc limit 1""")
			.param("user", userId)
			.query(Long.class)
			.optional()
			.flatMap((skillId) -> stages.stream()
				.flatMap((stage) -> stage.skills().stream())
				.filter((skill) -> skill.id() == skillId)
				.findFirst());
	}

	/**
	 * What to do next: the first not-started skill of the earliest unfinished stage.
	 * Earlier stages are finished, so this is the first not-started skill in roadmap
	 * order; an unfinished stage whose other skills are all in progress passes to the
	 * next one. Empty when nothing is left to start.
	 */
	public static Optional<Skill> nextUp(List<Stage> stages, Map<Long, SkillStatus> statuses) {
		RoadmapProgress progress = ProgressService.progressOf(statuses, stages);
		for (Stage stage : stages) {
			if (progress.stage(stage.slug()).complete()) {
				continue;
			}
			for (Skill skill : stage.skills()) {
				if (statuses.getOrDefault(skill.id(), SkillStatus.NOT_STARTED) == SkillStatus.NOT_STARTED) {
					return Optional.of(skill);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The zone as PostgreSQL understands it. Region ids ({@code Europe/Berlin}) are the
	 * same; a fixed offset is written in POSIX form, whose sign is the opposite of ISO's
	 * ({@code +09:00} is {@code <+090000>-09:00:00}).
	 */
	static String postgresZone(ZoneId zone) {
		if (!(zone.normalized() instanceof ZoneOffset offset)) {
			return zone.getId();
		}
		int seconds = offset.getTotalSeconds();
		if (seconds == 0) {
			return "UTC";
		}
		int abs = Math.abs(seconds);
		String time = String.format("%02d:%02d:%02d", abs / 3600, abs / 60 % 60, abs % 60);
		String name = ((seconds > 0) ? "+" : "-") + time.replace(":", "");
		return "<" + name + ">" + ((seconds > 0) ? "-" : "+") + time;
	}

}
