package dev.roadmap.progress.web;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.roadmap.progress.DayCount;
import dev.roadmap.progress.web.ActivityCharts.Cell;
import dev.roadmap.progress.web.ActivityCharts.HeatMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The activity calendar's squares, a {@code <rect>} with its {@code <title>} per day of
 * the last 53 weeks, written here rather than by the template: 371 squares of eight
 * expressions each (a message format and a date pattern among them) were two thirds of
 * the dashboard's time. Same markup, same texts.
 */
@Component
class HeatMapCells {

	private static final String DATE_PATTERN = "EEE d MMM yyyy";

	private static final String DATE_PLACEHOLDER = "{1}";

	private final MessageSource messages;

	HeatMapCells(MessageSource messages) {
		this.messages = messages;
	}

	String render(HeatMap heatMap, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofPattern(DATE_PATTERN, locale);
		// The title's message formatted and escaped once per number of changes, with the
		// date's placeholder left in: most days share a handful of counts.
		Map<Integer, String> titles = new HashMap<>();
		StringBuilder markup = new StringBuilder(heatMap.cells().size() * 160);
		for (Cell cell : heatMap.cells()) {
			DayCount day = cell.day();
			String title = titles
				.computeIfAbsent(day.changes(),
						(changes) -> HtmlUtils.htmlEscape(this.messages.getMessage("dashboard.heatmap.cell",
								new Object[] { changes, DATE_PLACEHOLDER }, locale)))
				.replace(DATE_PLACEHOLDER, escaped(dates.format(day.date())));
			markup.append("<rect class=\"day day-")
				.append(day.level())
				.append("\" x=\"")
				.append(cell.x())
				.append("\" y=\"")
				.append(cell.y())
				.append("\" width=\"")
				.append(cell.size())
				.append("\" height=\"")
				.append(cell.size())
				.append("\" rx=\"2\" data-date=\"")
				.append(day.date())
				.append("\" data-changes=\"")
				.append(day.changes())
				.append("\"><title>")
				.append(title)
				.append("</title></rect>");
		}
		return markup.toString();
	}

	/**
	 * What {@link HtmlUtils#htmlEscape} makes of the text, without its look-up of every
	 * character (a twentieth of the dashboard's time) when there is nothing to escape: a
	 * date in letters, digits and spaces of ASCII, as in English.
	 */
	static String escaped(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c > '~' || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
				return HtmlUtils.htmlEscape(text);
			}
		}
		return text;
	}

}
