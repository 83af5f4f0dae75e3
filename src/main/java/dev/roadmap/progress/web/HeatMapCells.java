package dev.roadmap.progress.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

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

	private final MessageSource messages;

	HeatMapCells(MessageSource messages) {
		this.messages = messages;
	}

	String render(HeatMap heatMap, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofPattern(DATE_PATTERN, locale);
		StringBuilder markup = new StringBuilder(heatMap.cells().size() * 160);
		for (Cell cell : heatMap.cells()) {
			DayCount day = cell.day();
			String title = this.messages.getMessage("dashboard.heatmap.cell",
					new Object[] { day.changes(), dates.format(day.date()) }, locale);
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
				.append(HtmlUtils.htmlEscape(title))
				.append("</title></rect>");
		}
		return markup.toString();
	}

}
