package dev.roadmap.progress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.roadmap.roadmap.Skill;

/**
 * A learner's activity history, drawn from their status events, with days counted in
 * {@code zone}.
 *
 * @param today the current date in the zone
 * @param calendar every day of the last {@value ActivitySeries#WEEKS} weeks, up to today
 * @param months the calendar summed per month
 * @param doneOverTime skills done at the end of each day on which that number changed
 * @param stagesCompleted the date each stage (by slug) first had every counted skill
 * done; stages never complete are missing
 * @param lastTouched the skill of the latest status change, if it is still on the roadmap
 * (where the learner left off), or null
 */
public record Activity(ZoneId zone, LocalDate today, List<DayCount> calendar, List<MonthCount> months, Streaks streaks,
		List<DoneCount> doneOverTime, Map<String, LocalDate> stagesCompleted, Skill lastTouched) {

	public Activity {
		calendar = List.copyOf(calendar);
		months = List.copyOf(months);
		doneOverTime = List.copyOf(doneOverTime);
		stagesCompleted = Map.copyOf(stagesCompleted);
	}

	/**
	 * The zone's name for people: its region id, or {@code UTC}, or an offset such as
	 * {@code +09:00}.
	 */
	public String zoneName() {
		return this.zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : this.zone.getId();
	}

	/**
	 * Whether the learner has never changed a status.
	 */
	public boolean isEmpty() {
		return this.streaks.lastActive() == null;
	}

	/**
	 * Status changes on the calendar.
	 */
	public int changesInCalendar() {
		return this.calendar.stream().mapToInt(DayCount::changes).sum();
	}

	/**
	 * Days on the calendar with at least one status change.
	 */
	public int activeDaysInCalendar() {
		return (int) this.calendar.stream().filter((day) -> day.changes() > 0).count();
	}

	/**
	 * When the stage first had every counted skill done, or null.
	 */
	public LocalDate completedOn(String stageSlug) {
		return this.stagesCompleted.get(stageSlug);
	}

}
