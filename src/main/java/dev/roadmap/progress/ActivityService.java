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
	 * The learner's activity as of now, in one statement.
	 */
	@Transactional(readOnly = true)
	public Activity activityOf(long userId, List<Stage> stages, ZoneId zone) {
		return activityOf(userId, stages, zone, Instant.now());
	}

	/**
	 * The learner's events, summed up in one statement whatever their number: per day
	 * (changes, and skills done net of undone), the first day each stage had every
	 * counted skill done (replaying the events per stage, in order, until done = all −
	 * skipped over the stage's current skills), and the skill of the latest change.
	 * Skills and stages no longer in the roadmap still count as activity but not as done.
	 */
	private static final String ACTIVITY = """
			with events as (
				select e.id, e.occurred_at, e.skill_id, e.from_status, e.to_status, rs.stage_id, rs.skill_retired,
					rs.retired as gone
				from status_event e join roadmap_skill rs on rs.skill_id = e.skill_id
				where e.user_id = :user
			), stage_size as (
				select stage_id, count(*) as skills from roadmap_skill where not skill_retired group by stage_id
			), running as (
				select stage_id, occurred_at,
					sum(case when to_status = 'DONE' then 1 when from_status = 'DONE' then -1 else 0 end) over w as done,
					sum(case when to_status = 'SKIPPED' then 1 when from_status = 'SKIPPED' then -1 else 0 end)
						over w as skipped
				from events where not skill_retired
				window w as (partition by stage_id order by occurred_at, id)
			)
			select 'DAY' as kind, (occurred_at at time zone cast(:zone as text))::date as day, count(*) as changes,
				coalesce(sum(case when gone then 0 when to_status = 'DONE' then 1 when from_status = 'DONE' then -1
					else 0 end), 0) as net_done, cast(null as bigint) as ref
			from events group by 2
			union all
			select 'STAGE', (min(r.occurred_at) at time zone cast(:zone as text))::date, null, null, r.stage_id
			from running r join stage_size s on s.stage_id = r.stage_id
			where r.done = s.skills - r.skipped
			group by r.stage_id
			union all
			(select 'LAST', null, null, null, skill_id from events where not gone
				order by occurred_at desc, id desc limit 1)
			order by kind, day""";

	/**
	 * The learner's activity as of {@code now}, in one statement.
	 */
	@Transactional(readOnly = true)
	public Activity activityOf(long userId, List<Stage> stages, ZoneId zone, Instant now) {
		LocalDate today = ActivitySeries.day(now, zone);
		Map<Long, String> stageSlugs = new HashMap<>();
		Map<Long, Skill> skills = new HashMap<>();
		stages.forEach((stage) -> {
			stageSlugs.put(stage.id(), stage.slug());
			stage.skills().forEach((skill) -> skills.put(skill.id(), skill));
		});
		List<DayCount> days = new ArrayList<>();
		Map<LocalDate, Integer> netDone = new HashMap<>();
		Map<String, LocalDate> completed = new HashMap<>();
		Skill[] lastTouched = { null };
		this.jdbc.sql(ACTIVITY).param("zone", postgresZone(zone)).param("user", userId).query((rs) -> {
			switch (rs.getString("kind")) {
				case "DAY" -> {
					LocalDate day = rs.getObject("day", LocalDate.class);
					days.add(new DayCount(day, rs.getInt("changes")));
					netDone.put(day, rs.getInt("net_done"));
				}
				case "STAGE" -> {
					String slug = stageSlugs.get(rs.getLong("ref"));
					if (slug != null) {
						completed.put(slug, rs.getObject("day", LocalDate.class));
					}
				}
				default -> lastTouched[0] = skills.get(rs.getLong("ref"));
			}
		});
		List<DayCount> calendar = ActivitySeries.calendar(days, today);
		return new Activity(zone, today, calendar, ActivitySeries.months(calendar), ActivitySeries.streaks(days, today),
				ActivitySeries.doneOverTime(netDone), completed, lastTouched[0]);
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
