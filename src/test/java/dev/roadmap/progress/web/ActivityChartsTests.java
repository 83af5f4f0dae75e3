package dev.roadmap.progress.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.roadmap.progress.Activity;
import dev.roadmap.progress.ActivitySeries;
import dev.roadmap.progress.DayCount;
import dev.roadmap.progress.DoneCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the dashboard's pictures put things.
 */
class ActivityChartsTests {

	// A Wednesday.
	private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

	@Test
	void theCalendarHasASquarePerDayAColumnPerWeekAndMondayOnTop() {
		ActivityCharts.HeatMap map = ActivityCharts.heatMap(activity(List.of(new DayCount(TODAY, 2)), List.of()));

		List<ActivityCharts.Cell> cells = map.cells();
		assertThat(cells).hasSize(52 * 7 + 3);
		ActivityCharts.Cell first = cells.get(0);
		ActivityCharts.Cell last = cells.get(cells.size() - 1);
		assertThat(first.day().date()).isEqualTo("2025-03-17");
		assertThat(cells.get(1).x()).isEqualTo(first.x());
		assertThat(cells.get(1).y()).isEqualTo(first.y() + ActivityCharts.PITCH);
		assertThat(cells.get(7).x()).isEqualTo(first.x() + ActivityCharts.PITCH);
		assertThat(cells.get(7).y()).isEqualTo(first.y());
		assertThat(last.day()).isEqualTo(new DayCount(TODAY, 2));
		assertThat(last.x()).isEqualTo(first.x() + 52 * ActivityCharts.PITCH);
		assertThat(last.y()).isEqualTo(first.y() + 2 * ActivityCharts.PITCH);
		assertThat(cells).allSatisfy((cell) -> assertThat(cell.x() + cell.size()).isLessThanOrEqualTo(map.width()))
			.allSatisfy((cell) -> assertThat(cell.y() + cell.size()).isLessThanOrEqualTo(map.height()));
		assertThat(cells.stream().map((cell) -> cell.x() + "," + cell.y()).distinct()).hasSize(cells.size());
	}

	@Test
	void monthNamesSitOverTheWeekOfTheFirstAndNeverCrowdEachOther() {
		ActivityCharts.HeatMap map = ActivityCharts.heatMap(activity(List.of(), List.of()));

		// 17 March 2025 starts the calendar; April 2025 begins two columns later, so the
		// partial March gives way to it.
		assertThat(map.months()).extracting(ActivityCharts.Label::date).first().isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(map.months()).hasSize(12);
		for (int i = 1; i < map.months().size(); i++) {
			assertThat(map.months().get(i).x() - map.months().get(i - 1).x())
				.isGreaterThanOrEqualTo(3.0 * ActivityCharts.PITCH);
		}
		assertThat(map.weekdays()).extracting((label) -> label.date().getDayOfWeek().getValue())
			.containsExactly(1, 3, 5);
		assertThat(map.viewBox()).isEqualTo("0 0 " + map.width() + " " + map.height());
	}

	@Test
	void theLineOfSkillsDoneStepsUpOnTheDaysTheNumberChanged() {
		List<DoneCount> series = List.of(new DoneCount(TODAY.minusDays(10), 2), new DoneCount(TODAY.minusDays(5), 3));

		ActivityCharts.LineChart chart = ActivityCharts.doneLine(activity(List.of(), series));

		// From (10 days ago, 0) up to 2, along to 5 days ago, up to 3, along to today.
		String[] points = chart.line().split(" ");
		assertThat(points).hasSize(5);
		assertThat(x(points[0])).isEqualTo(chart.left());
		assertThat(y(points[0])).isEqualTo(chart.bottom());
		assertThat(x(points[1])).isEqualTo(chart.left());
		assertThat(x(points[2])).isEqualTo(x(points[3])).isEqualTo((chart.left() + chart.right()) / 2, within());
		assertThat(y(points[2])).isEqualTo(y(points[1]));
		assertThat(x(points[4])).isEqualTo(chart.right());
		assertThat(y(points[4])).isEqualTo(y(points[3])).isEqualTo(chart.lastY());
		assertThat(chart.lastDone()).isEqualTo(3);
		assertThat(chart.yTicks()).extracting(ActivityCharts.Tick::value).containsExactly(0, 1, 2, 3);
		assertThat(chart.yTicks().get(3).y()).isEqualTo(chart.top());
		assertThat(chart.xTicks()).extracting(ActivityCharts.Label::date)
			.containsExactly(TODAY.minusDays(10), TODAY.minusDays(5), TODAY);
		assertThat(chart.area()).startsWith(chart.line()).endsWith(chart.right() + "," + chart.bottom());
	}

	@Test
	void aLineThatStartsTodayStillHasWidth() {
		ActivityCharts.LineChart chart = ActivityCharts.doneLine(activity(List.of(), List.of(new DoneCount(TODAY, 1))));

		assertThat(chart.xTicks()).extracting(ActivityCharts.Label::date).containsExactly(TODAY.minusDays(1), TODAY);
		assertThat(chart.line().split(" ")).hasSize(3);
	}

	@Test
	void noSkillDoneMeansNoLine() {
		assertThat(ActivityCharts.doneLine(activity(List.of(), List.of()))).isNull();
	}

	@Test
	void theYAxisHasAtMostSixRoundTicks() {
		assertThat(ActivityCharts.step(0)).isEqualTo(1);
		assertThat(ActivityCharts.step(5)).isEqualTo(1);
		assertThat(ActivityCharts.step(7)).isEqualTo(2);
		assertThat(ActivityCharts.step(12)).isEqualTo(5);
		assertThat(ActivityCharts.step(45)).isEqualTo(10);
		assertThat(ActivityCharts.step(240)).isEqualTo(50);
	}

	@Test
	void aPointsCoordinatesAreWrittenAsTheFormatterWroteThem() {
		for (long tenths = -1_000; tenths <= 100_000; tenths++) {
			double value = Math.round(tenths / 10.0 * 10) / 10.0;
			assertThat(ActivityCharts.tenths(value)).as("%d tenths", tenths)
				.isEqualTo(String.format(Locale.ROOT, "%.1f", value));
		}
	}

	private static Activity activity(List<DayCount> days, List<DoneCount> done) {
		List<DayCount> calendar = ActivitySeries.calendar(days, TODAY);
		return new Activity(ZoneOffset.UTC, TODAY, calendar, ActivitySeries.months(calendar),
				ActivitySeries.streaks(days, TODAY), done, Map.of(), null);
	}

	private static double x(String point) {
		return Double.parseDouble(point.split(",")[0]);
	}

	private static double y(String point) {
		return Double.parseDouble(point.split(",")[1]);
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(0.1);
	}

}
