package dev.roadmap.progress;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The arithmetic of a learner's activity, free of I/O: days, streaks, the calendar of the
 * last {@value #WEEKS} weeks and skills done over time.
 *
 * <p>
 * A day is a calendar date in the learner's time zone, never a span of 24 hours: the day
 * clocks go forward has 23 hours and the day they go back 25, and each is still one day.
 * A streak counts consecutive dates.
 */
public final class ActivitySeries {

	/**
	 * How many weeks the activity calendar shows, the current one included.
	 */
	public static final int WEEKS = 53;

	private ActivitySeries() {
	}

	/**
	 * The calendar date of an instant in a time zone.
	 */
	public static LocalDate day(Instant instant, ZoneId zone) {
		return LocalDate.ofInstant(instant, zone);
	}

	/**
	 * The streaks of the given active days as seen on {@code today}. Days without changes
	 * in the input are ignored; the order does not matter.
	 */
	public static Streaks streaks(Collection<DayCount> days, LocalDate today) {
		SortedSet<LocalDate> active = new TreeSet<>();
		days.stream().filter((day) -> day.changes() > 0).forEach((day) -> active.add(day.date()));
		if (active.isEmpty()) {
			return Streaks.NONE;
		}
		int longest = 0;
		int run = 0;
		LocalDate previous = null;
		for (LocalDate date : active) {
			run = (previous != null && previous.plusDays(1).equals(date)) ? run + 1 : 1;
			longest = Math.max(longest, run);
			previous = date;
		}
		LocalDate last = active.last();
		boolean alive = !last.isBefore(today.minusDays(1));
		return new Streaks(alive ? run : 0, longest, last);
	}

	/**
	 * The first day of the activity calendar: the Monday {@value #WEEKS} weeks back,
	 * counting the week of {@code today} as the last.
	 */
	public static LocalDate calendarStart(LocalDate today) {
		return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
	}

	/**
	 * Every day of the activity calendar, from {@link #calendarStart} to {@code today},
	 * with its changes (0 for a quiet day).
	 */
	public static List<DayCount> calendar(Collection<DayCount> days, LocalDate today) {
		Map<LocalDate, Integer> counts = new LinkedHashMap<>();
		days.forEach((day) -> counts.merge(day.date(), day.changes(), Integer::sum));
		List<DayCount> calendar = new ArrayList<>();
		for (LocalDate date = calendarStart(today); !date.isAfter(today); date = date.plusDays(1)) {
			calendar.add(new DayCount(date, counts.getOrDefault(date, 0)));
		}
		return calendar;
	}

	/**
	 * The calendar's days summed per month, oldest month first.
	 */
	public static List<MonthCount> months(List<DayCount> calendar) {
		Map<YearMonth, int[]> months = new LinkedHashMap<>();
		for (DayCount day : calendar) {
			int[] sums = months.computeIfAbsent(YearMonth.from(day.date()), (month) -> new int[2]);
			sums[0] += (day.changes() > 0) ? 1 : 0;
			sums[1] += day.changes();
		}
		return months.entrySet()
			.stream()
			.map((entry) -> new MonthCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
			.toList();
	}

	/**
	 * Skills done at the end of each day on which the number changed, oldest first, from
	 * each day's net change (skills marked done minus skills no longer done).
	 */
	public static List<DoneCount> doneOverTime(Map<LocalDate, Integer> netDonePerDay) {
		List<DoneCount> series = new ArrayList<>();
		int done = 0;
		for (Map.Entry<LocalDate, Integer> day : new TreeMap<>(netDonePerDay).entrySet()) {
			if (day.getValue() != 0) {
				done = Math.max(0, done + day.getValue());
				series.add(new DoneCount(day.getKey(), done));
			}
		}
		return series;
	}

}
