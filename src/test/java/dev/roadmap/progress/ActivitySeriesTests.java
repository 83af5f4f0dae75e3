package dev.roadmap.progress;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic of days, streaks and series, with no database: days are calendar dates
 * in the learner's zone, whatever their length in hours.
 */
class ActivitySeriesTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

	@Test
	void anEventAt2330UtcIsTheNextDayInTokyoAndTheSameDayInNewYork() {
		Instant lateEvening = Instant.parse("2026-03-10T23:30:00Z");

		assertThat(ActivitySeries.day(lateEvening, ZoneOffset.UTC)).isEqualTo("2026-03-10");
		assertThat(ActivitySeries.day(lateEvening, TOKYO)).isEqualTo("2026-03-11");
		assertThat(ActivitySeries.day(lateEvening, NEW_YORK)).isEqualTo("2026-03-10");
	}

	@Test
	void theSameEventsMakeADifferentStreakInEachZone() {
		// 10 March 23:30 and 11 March 15:30 UTC are 19:30 on the 10th and 11:30 on the
		// 11th in New York, but 08:30 on the 11th and 00:30 on the 12th in Tokyo.
		List<Instant> events = List.of(Instant.parse("2026-03-10T23:30:00Z"), Instant.parse("2026-03-11T15:30:00Z"));

		assertThat(days(events, ZoneOffset.UTC)).containsExactly(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11));
		assertThat(days(events, TOKYO)).containsExactly(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 12));
		assertThat(days(events, NEW_YORK)).containsExactly(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11));

		// As seen on 13 March: alive in Tokyo (last day yesterday), broken in New York.
		assertThat(streaks(events, TOKYO, LocalDate.of(2026, 3, 13)))
			.isEqualTo(new Streaks(2, 2, LocalDate.of(2026, 3, 12)));
		assertThat(streaks(events, NEW_YORK, LocalDate.of(2026, 3, 13)))
			.isEqualTo(new Streaks(0, 2, LocalDate.of(2026, 3, 11)));
	}

	@Test
	void eventsAnHourApartAcrossMidnightUtcAreOneDayInTokyoAndTwoInUtc() {
		List<Instant> events = List.of(Instant.parse("2026-03-10T23:30:00Z"), Instant.parse("2026-03-11T00:30:00Z"));

		assertThat(days(events, TOKYO)).containsExactly(LocalDate.of(2026, 3, 11));
		assertThat(days(events, ZoneOffset.UTC)).containsExactly(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11));
		assertThat(streaks(events, TOKYO, LocalDate.of(2026, 3, 11)).current()).isEqualTo(1);
		assertThat(streaks(events, ZoneOffset.UTC, LocalDate.of(2026, 3, 11)).current()).isEqualTo(2);
	}

	@Test
	void theSpringForwardDayOf23HoursIsOneDayInBerlin() {
		// 29 March 2026: clocks go from 02:00 to 03:00 in Berlin.
		LocalDate springForward = LocalDate.of(2026, 3, 29);
		assertThat(ZonedDateTime.of(springForward.plusDays(1).atStartOfDay(), BERLIN).toEpochSecond()
				- ZonedDateTime.of(springForward.atStartOfDay(), BERLIN).toEpochSecond())
			.isEqualTo(23 * 3600);
		List<Instant> events = List.of(berlin("2026-03-28T23:59"), berlin("2026-03-29T00:01"),
				berlin("2026-03-29T01:59"), berlin("2026-03-29T03:01"), berlin("2026-03-29T23:59"),
				berlin("2026-03-30T00:01"));

		assertThat(days(events, BERLIN)).containsExactly(LocalDate.of(2026, 3, 28), springForward,
				LocalDate.of(2026, 3, 30));
		assertThat(streaks(events, BERLIN, LocalDate.of(2026, 3, 30)))
			.isEqualTo(new Streaks(3, 3, LocalDate.of(2026, 3, 30)));
	}

	@Test
	void theFallBackDayOf25HoursIsOneDayInBerlin() {
		// 25 October 2026: clocks go from 03:00 back to 02:00 in Berlin, so 02:30 happens
		// twice, an hour apart.
		LocalDate fallBack = LocalDate.of(2026, 10, 25);
		ZonedDateTime firstHalfPastTwo = ZonedDateTime.ofLocal(LocalDateTime.parse("2026-10-25T02:30"), BERLIN,
				ZoneOffset.ofHours(2));
		Instant secondHalfPastTwo = firstHalfPastTwo.withLaterOffsetAtOverlap().toInstant();
		assertThat(secondHalfPastTwo).isEqualTo(firstHalfPastTwo.toInstant().plusSeconds(3600));
		List<Instant> events = List.of(berlin("2026-10-24T12:00"), berlin("2026-10-25T00:01"),
				firstHalfPastTwo.toInstant(), secondHalfPastTwo, berlin("2026-10-25T23:59"),
				berlin("2026-10-26T00:01"));

		assertThat(days(events, BERLIN)).containsExactly(LocalDate.of(2026, 10, 24), fallBack,
				LocalDate.of(2026, 10, 26));
		assertThat(streaks(events, BERLIN, LocalDate.of(2026, 10, 27)))
			.isEqualTo(new Streaks(3, 3, LocalDate.of(2026, 10, 26)));
	}

	@Test
	void aStreakCountsDatesNotSpansOf24Hours() {
		// 47 hours apart but on consecutive dates: two days in a row.
		List<LocalDate> twoDates = days(List.of(utc("2026-03-01T00:01"), utc("2026-03-02T23:59")), ZoneOffset.UTC);
		assertThat(ActivitySeries.streaks(counts(twoDates), LocalDate.of(2026, 3, 2)).current()).isEqualTo(2);
		// Two minutes apart across midnight: consecutive dates too.
		List<LocalDate> midnight = days(List.of(utc("2026-03-01T23:59"), utc("2026-03-02T00:01")), ZoneOffset.UTC);
		assertThat(ActivitySeries.streaks(counts(midnight), LocalDate.of(2026, 3, 2)).current()).isEqualTo(2);
		// 25 hours apart but skipping a date: no streak of two.
		List<LocalDate> gap = days(List.of(utc("2026-03-01T23:00"), utc("2026-03-03T00:00")), ZoneOffset.UTC);
		assertThat(ActivitySeries.streaks(counts(gap), LocalDate.of(2026, 3, 3)))
			.isEqualTo(new Streaks(1, 1, LocalDate.of(2026, 3, 3)));
	}

	@Test
	void theCurrentStreakIsAliveWhileTheLastActiveDayIsTodayOrYesterday() {
		List<DayCount> days = counts(List.of(TODAY.minusDays(4), TODAY.minusDays(3), TODAY.minusDays(2)));

		assertThat(ActivitySeries.streaks(days, TODAY.minusDays(2)).current()).isEqualTo(3);
		assertThat(ActivitySeries.streaks(days, TODAY.minusDays(1)).current()).isEqualTo(3);
		assertThat(ActivitySeries.streaks(days, TODAY).current()).isZero();
		assertThat(ActivitySeries.streaks(days, TODAY).longest()).isEqualTo(3);
	}

	@Test
	void theLongestStreakIsTheLongestRunEverAndTheCurrentOneTheLastRun() {
		List<DayCount> days = counts(Stream
			.of(TODAY.minusDays(30), TODAY.minusDays(29), TODAY.minusDays(28), TODAY.minusDays(27), TODAY.minusDays(20),
					TODAY.minusDays(1), TODAY)
			.toList());

		assertThat(ActivitySeries.streaks(days, TODAY)).isEqualTo(new Streaks(2, 4, TODAY));
	}

	@Test
	void streaksIgnoreOrderDuplicatesAndQuietDays() {
		List<DayCount> days = List.of(new DayCount(TODAY, 2), new DayCount(TODAY.minusDays(2), 0),
				new DayCount(TODAY.minusDays(1), 1), new DayCount(TODAY, 1));

		assertThat(ActivitySeries.streaks(days, TODAY)).isEqualTo(new Streaks(2, 2, TODAY));
	}

	@Test
	void noActivityMeansNoStreaks() {
		assertThat(ActivitySeries.streaks(List.of(), TODAY)).isEqualTo(Streaks.NONE);
		assertThat(ActivitySeries.streaks(List.of(new DayCount(TODAY, 0)), TODAY)).isEqualTo(Streaks.NONE);
	}

	@Test
	void theCalendarHasEveryDayOf53WeeksFromAMondayToToday() {
		// 18 March 2026 is a Wednesday: 52 whole weeks and three days.
		List<DayCount> calendar = ActivitySeries.calendar(List.of(new DayCount(TODAY, 3),
				new DayCount(TODAY.minusDays(10), 1), new DayCount(LocalDate.of(2024, 1, 1), 9)), TODAY);

		assertThat(calendar).hasSize(52 * 7 + 3);
		assertThat(calendar.get(0).date()).isEqualTo("2025-03-17")
			.matches((date) -> date.getDayOfWeek() == DayOfWeek.MONDAY);
		assertThat(calendar.get(calendar.size() - 1)).isEqualTo(new DayCount(TODAY, 3));
		assertThat(calendar).contains(new DayCount(TODAY.minusDays(10), 1));
		assertThat(calendar.stream().mapToInt(DayCount::changes).sum()).isEqualTo(4);
		for (int i = 1; i < calendar.size(); i++) {
			assertThat(calendar.get(i).date()).isEqualTo(calendar.get(i - 1).date().plusDays(1));
		}
	}

	@Test
	void onASundayTheCalendarIsExactly53WholeWeeks() {
		LocalDate sunday = LocalDate.of(2026, 3, 22);

		assertThat(ActivitySeries.calendar(List.of(), sunday)).hasSize(53 * 7);
		assertThat(ActivitySeries.calendarStart(LocalDate.of(2026, 3, 23))).isEqualTo("2025-03-24");
	}

	@Test
	void aDaysShadeStepsAt1And2And4And7Changes() {
		assertThat(Stream.of(0, 1, 2, 3, 4, 6, 7, 50).map((changes) -> new DayCount(TODAY, changes).level()))
			.containsExactly(0, 1, 2, 2, 3, 3, 4, 4);
	}

	@Test
	void monthsSumTheCalendarsDays() {
		List<DayCount> calendar = List.of(new DayCount(LocalDate.of(2026, 1, 30), 2),
				new DayCount(LocalDate.of(2026, 1, 31), 0), new DayCount(LocalDate.of(2026, 2, 1), 5),
				new DayCount(LocalDate.of(2026, 2, 2), 1));

		assertThat(ActivitySeries.months(calendar)).containsExactly(new MonthCount(YearMonth.of(2026, 1), 1, 2),
				new MonthCount(YearMonth.of(2026, 2), 2, 6));
	}

	@Test
	void skillsDoneOverTimeAddUpEachDaysNetChangeAndSkipDaysWithoutOne() {
		Map<LocalDate, Integer> net = Map.of(LocalDate.of(2026, 3, 3), -1, LocalDate.of(2026, 3, 1), 2,
				LocalDate.of(2026, 3, 2), 0, LocalDate.of(2026, 3, 5), 3);

		assertThat(ActivitySeries.doneOverTime(net)).containsExactly(new DoneCount(LocalDate.of(2026, 3, 1), 2),
				new DoneCount(LocalDate.of(2026, 3, 3), 1), new DoneCount(LocalDate.of(2026, 3, 5), 4));
		assertThat(ActivitySeries.doneOverTime(Map.of())).isEmpty();
	}

	private static Streaks streaks(List<Instant> events, ZoneId zone, LocalDate today) {
		return ActivitySeries.streaks(counts(days(events, zone)), today);
	}

	/**
	 * The dates of the zone the events fall on. How the database counts events per date
	 * is tested on the SQL itself, in {@link ActivityServiceIntegrationTests}.
	 */
	private static List<LocalDate> days(List<Instant> events, ZoneId zone) {
		return events.stream().map((event) -> ActivitySeries.day(event, zone)).distinct().sorted().toList();
	}

	private static List<DayCount> counts(List<LocalDate> dates) {
		return dates.stream().map((date) -> new DayCount(date, 1)).toList();
	}

	private static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	private static Instant utc(String localDateTime) {
		return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
	}

}
