package dev.roadmap.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats times for pages, as {@code @time} in templates. Times are stored in UTC and
 * shown in UTC, with the zone written out. Users choose a zone on the account page, and
 * the dashboard counts their days in it; showing these times in it too is still to do.
 */
@Component("time")
public class TimeFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	public String format(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

	/**
	 * How long ago, in the largest whole unit: "less than a minute", "5 minutes", "3
	 * hours", "12 days".
	 */
	public String since(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration elapsed = Duration.between(instant, Instant.now());
		if (elapsed.toDays() >= 1) {
			return plural(elapsed.toDays(), "day");
		}
		if (elapsed.toHours() >= 1) {
			return plural(elapsed.toHours(), "hour");
		}
		if (elapsed.toMinutes() >= 1) {
			return plural(elapsed.toMinutes(), "minute");
		}
		return "less than a minute";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
