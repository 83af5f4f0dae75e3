package dev.roadmap.progress.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.roadmap.progress.Activity;
import dev.roadmap.progress.ActivitySeries;
import dev.roadmap.progress.DayCount;
import dev.roadmap.progress.DoneCount;

/**
 * The geometry of the dashboard's pictures, drawn as inline SVG by the template: the
 * activity calendar (one square per day, a column per week, Monday on top) and the line
 * of skills done over time. Coordinates are in SVG user units; the page scales them.
 */
final class ActivityCharts {

	static final int CELL = 11;

	static final int PITCH = 13;

	private static final int CALENDAR_LEFT = 30;

	private static final int CALENDAR_TOP = 16;

	private static final int LINE_WIDTH = 480;

	private static final int LINE_HEIGHT = 240;

	private static final int LINE_LEFT = 56;

	private static final int LINE_RIGHT = 16;

	private static final int LINE_TOP = 14;

	private static final int LINE_BOTTOM = 40;

	private static final int[] STEPS = { 1, 2, 5, 10, 20, 25, 50, 100 };

	private ActivityCharts() {
	}

	static HeatMap heatMap(Activity activity) {
		LocalDate start = ActivitySeries.calendarStart(activity.today());
		List<Cell> cells = new ArrayList<>();
		List<Label> firsts = new ArrayList<>();
		for (DayCount day : activity.calendar()) {
			int column = (int) (ChronoUnit.DAYS.between(start, day.date()) / 7);
			int row = day.date().getDayOfWeek().getValue() - 1;
			cells.add(new Cell(CALENDAR_LEFT + column * PITCH, CALENDAR_TOP + row * PITCH, day));
			if (day.date().getDayOfMonth() == 1 || day.date().equals(start)) {
				firsts.add(new Label(CALENDAR_LEFT + column * PITCH, CALENDAR_TOP - 5, day.date(), "start"));
			}
		}
		// A month label needs three columns, or it runs into the next one.
		List<Label> months = new ArrayList<>();
		for (int i = 0; i < firsts.size(); i++) {
			boolean last = i == firsts.size() - 1;
			if (last || firsts.get(i + 1).x() - firsts.get(i).x() >= 3 * PITCH) {
				months.add(firsts.get(i));
			}
		}
		List<Label> weekdays = new ArrayList<>();
		for (DayOfWeek weekday : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)) {
			int row = weekday.getValue() - 1;
			weekdays
				.add(new Label(CALENDAR_LEFT - 5, CALENDAR_TOP + row * PITCH + CELL - 2, start.plusDays(row), "end"));
		}
		// Room on the right for a month that starts in the last column.
		int width = CALENDAR_LEFT + ActivitySeries.WEEKS * PITCH + 14;
		int height = CALENDAR_TOP + 7 * PITCH;
		return new HeatMap(width, height, cells, months, weekdays);
	}

	/**
	 * The line of skills done, as steps (the number changes at a day's end), from the
	 * first day a skill was done to today; null when no skill was ever done.
	 */
	static LineChart doneLine(Activity activity) {
		List<DoneCount> series = activity.doneOverTime();
		if (series.isEmpty()) {
			return null;
		}
		LocalDate end = activity.today().isBefore(series.get(series.size() - 1).date())
				? series.get(series.size() - 1).date() : activity.today();
		LocalDate start = series.get(0).date();
		if (!start.isBefore(end)) {
			start = end.minusDays(1);
		}
		int max = series.stream().mapToInt(DoneCount::done).max().orElse(0);
		int step = step(max);
		int top = Math.max(step, (max + step - 1) / step * step);
		Scale scale = new Scale(start, end, top);

		List<String> points = new ArrayList<>();
		points.add(scale.point(start, 0));
		int previous = 0;
		for (DoneCount point : series) {
			points.add(scale.point(point.date(), previous));
			points.add(scale.point(point.date(), point.done()));
			previous = point.done();
		}
		points.add(scale.point(end, previous));
		List<String> line = points.stream().distinct().toList();
		List<String> area = new ArrayList<>(line);
		area.add(scale.point(end, 0));

		List<Tick> yTicks = new ArrayList<>();
		for (int value = 0; value <= top; value += step) {
			yTicks.add(new Tick(scale.y(value), value));
		}
		List<Label> xTicks = new ArrayList<>();
		xTicks.add(new Label(scale.x(start), LINE_HEIGHT - LINE_BOTTOM + 16, start, "start"));
		long days = ChronoUnit.DAYS.between(start, end);
		if (days >= 4) {
			LocalDate middle = start.plusDays(days / 2);
			xTicks.add(new Label(scale.x(middle), LINE_HEIGHT - LINE_BOTTOM + 16, middle, "middle"));
		}
		xTicks.add(new Label(scale.x(end), LINE_HEIGHT - LINE_BOTTOM + 16, end, "end"));
		return new LineChart(LINE_WIDTH, LINE_HEIGHT, String.join(" ", line), String.join(" ", area), yTicks, xTicks,
				LINE_LEFT, LINE_WIDTH - LINE_RIGHT, LINE_TOP, LINE_HEIGHT - LINE_BOTTOM, scale.x(end),
				scale.y(previous), previous);
	}

	/**
	 * A step between the y axis's labels that needs at most five of them.
	 */
	static int step(int max) {
		for (int step : STEPS) {
			if ((max + step - 1) / step <= 5) {
				return step;
			}
		}
		return (max + 4) / 5;
	}

	/**
	 * A value already rounded to tenths, written with one decimal as {@code "%.1f"}
	 * writes it, without a {@link java.util.Formatter}, which parses its pattern on every
	 * call: the line has two points per day something was done.
	 */
	static String tenths(double value) {
		long tenths = Math.round(value * 10);
		long magnitude = Math.abs(tenths);
		return ((tenths < 0) ? "-" : "") + (magnitude / 10) + "." + (magnitude % 10);
	}

	private record Scale(LocalDate start, LocalDate end, int top) {

		double x(LocalDate date) {
			double width = LINE_WIDTH - LINE_LEFT - LINE_RIGHT;
			return round(LINE_LEFT + width * ChronoUnit.DAYS.between(this.start, date)
					/ ChronoUnit.DAYS.between(this.start, this.end));
		}

		double y(int value) {
			double height = LINE_HEIGHT - LINE_TOP - LINE_BOTTOM;
			return round(LINE_TOP + height - height * value / this.top);
		}

		String point(LocalDate date, int value) {
			return tenths(x(date)) + "," + tenths(y(value));
		}

		private static double round(double value) {
			return Math.round(value * 10) / 10.0;
		}

	}

	/**
	 * The activity calendar: a square per day, month names above, some weekday names
	 * beside.
	 */
	public record HeatMap(int width, int height, List<Cell> cells, List<Label> months, List<Label> weekdays) {

		public String viewBox() {
			return "0 0 " + this.width + " " + this.height;
		}

	}

	public record Cell(int x, int y, DayCount day) {

		public int size() {
			return CELL;
		}

	}

	/**
	 * A text on a picture, about a date; {@code anchor} is its SVG text-anchor.
	 */
	public record Label(double x, double y, LocalDate date, String anchor) {
	}

	public record Tick(double y, int value) {
	}

	/**
	 * The line of skills done: the plot area, the line and the area under it, the axes'
	 * ticks and the last point.
	 */
	public record LineChart(int width, int height, String line, String area, List<Tick> yTicks, List<Label> xTicks,
			double left, double right, double top, double bottom, double lastX, double lastY, int lastDone) {

		public String viewBox() {
			return "0 0 " + this.width + " " + this.height;
		}

	}

}
