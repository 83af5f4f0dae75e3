package dev.roadmap.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats times for pages, as {@code @time} in templates. Times are stored in UTC and
 * shown in UTC, with the zone written out. Users choose a zone on the account page, and
 * the dashboard counts their days in it; showing these times in it too is still to do.
 * <p>
 * The one way to say how long ago something was: in the largest whole unit, with the
 * words and their plurals from the {@code time.*} messages, in the reader's language. How
 * long ago reads the same in every time zone.
 */
@Component("time")
public class TimeFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	/**
	 * How long {@link #agoOrDate(Instant)} says "ago" before it gives the date.
	 */
	static final Duration RELATIVE_FOR = Duration.ofDays(7);

	private final MessageSource messages;

	private final Clock clock;

	@Autowired
	public TimeFormat(MessageSource messages) {
		this(messages, Clock.systemUTC());
	}

	TimeFormat(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String format(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

	/**
	 * How long it has been, for "waiting for …": "less than a minute", "5 minutes", "3
	 * hours", "12 days".
	 */
	public String since(Instant instant) {
		return (instant != null) ? words("time.elapsed", instant) : "";
	}

	/**
	 * A length of time in the same words as {@link #since(Instant)}, "3 hours"; empty for
	 * none.
	 */
	public String duration(Duration duration) {
		return (duration != null) ? words("time.elapsed", duration) : "";
	}

	/**
	 * How long ago: "just now", "5 minutes ago", "3 hours ago", "yesterday", "12 days
	 * ago".
	 */
	public String ago(Instant instant) {
		return (instant != null) ? words("time.ago", instant) : "";
	}

	/**
	 * How long ago for the last week, as {@link #ago(Instant)}; then the date: "on 3 Mar
	 * 2026".
	 */
	public String agoOrDate(Instant instant) {
		if (instant == null) {
			return "";
		}
		if (elapsed(instant).compareTo(RELATIVE_FOR) >= 0) {
			return message("time.ago.date", date(instant));
		}
		return ago(instant);
	}

	private String words(String prefix, Instant instant) {
		return words(prefix, elapsed(instant));
	}

	private String words(String prefix, Duration elapsed) {
		if (elapsed.toDays() >= 1) {
			return message(prefix + ".days", elapsed.toDays());
		}
		if (elapsed.toHours() >= 1) {
			return message(prefix + ".hours", elapsed.toHours());
		}
		if (elapsed.toMinutes() >= 1) {
			return message(prefix + ".minutes", elapsed.toMinutes());
		}
		return message(prefix + ".now");
	}

	private Duration elapsed(Instant instant) {
		return Duration.between(instant, this.clock.instant());
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
