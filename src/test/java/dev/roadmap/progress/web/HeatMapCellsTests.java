package dev.roadmap.progress.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.roadmap.progress.Activity;
import dev.roadmap.progress.ActivitySeries;
import dev.roadmap.progress.DayCount;
import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

class HeatMapCellsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

	private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>");

	@Test
	void everySquaresTitleIsTheWholeMessageEscapedInEveryLanguage() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		ActivityCharts.HeatMap heatMap = heatMap();

		// English dates need no escaping; French and German ones have accented months,
		// and
		// Japanese ones no ASCII at all: those are escaped as a whole.
		for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN, Locale.JAPANESE)) {
			assertThat(titles(new HeatMapCells(messages).render(heatMap, locale))).as("%s", locale)
				.isEqualTo(expectedTitles(messages, heatMap, locale));
		}
	}

	@Test
	void whatTheMessageSaysIsEscapedToo() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("dashboard.heatmap.cell", Locale.ENGLISH, "{0} <changes> & \"more\" on {1}'s day");
		ActivityCharts.HeatMap heatMap = heatMap();

		List<String> titles = titles(new HeatMapCells(messages).render(heatMap, Locale.ENGLISH));

		assertThat(titles).isEqualTo(expectedTitles(messages, heatMap, Locale.ENGLISH));
		assertThat(titles.get(0)).contains("&lt;changes&gt; &amp; &quot;more&quot;").doesNotContain("<changes>");
	}

	@Test
	void textWithNothingToEscapeIsReturnedAsItIs() {
		assertThat(HeatMapCells.escaped("Wed 18 Mar 2026")).isSameAs("Wed 18 Mar 2026");
		for (String text : List.of("mer. 18 mars 2026", "<b>", "a & b", "\"", "'", "déc.", "3月", "\u007f")) {
			assertThat(HeatMapCells.escaped(text)).as(text).isEqualTo(HtmlUtils.htmlEscape(text));
		}
	}

	/**
	 * A year of days with 0 to 8 changes, so that every shade and several counts appear.
	 */
	private static ActivityCharts.HeatMap heatMap() {
		List<DayCount> days = IntStream.range(0, 365)
			.mapToObj((ago) -> new DayCount(TODAY.minusDays(ago), ago % 9))
			.toList();
		List<DayCount> calendar = ActivitySeries.calendar(days, TODAY);
		return ActivityCharts.heatMap(new Activity(ZoneOffset.UTC, TODAY, calendar, ActivitySeries.months(calendar),
				ActivitySeries.streaks(days, TODAY), List.of(), Map.of(), null));
	}

	/**
	 * Each title as one message with the date formatted in, then escaped whole.
	 */
	private static List<String> expectedTitles(MessageSource messages, ActivityCharts.HeatMap heatMap, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale);
		return heatMap.cells()
			.stream()
			.map((cell) -> HtmlUtils.htmlEscape(messages.getMessage("dashboard.heatmap.cell",
					new Object[] { cell.day().changes(), dates.format(cell.day().date()) }, locale)))
			.toList();
	}

	private static List<String> titles(String markup) {
		Matcher titles = TITLE.matcher(markup);
		return titles.results().map((title) -> title.group(1)).toList();
	}

}
