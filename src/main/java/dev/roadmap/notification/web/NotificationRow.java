package dev.roadmap.notification.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.roadmap.notification.Notification;

/**
 * A notification on the list page with its age in words ("3 hours ago"), which reads the
 * same in every time zone; older ones show their date.
 *
 * @param ageKey the message key of the age
 * @param ageArgument what the age message takes: a number, or the date
 */
record NotificationRow(Notification notification, String ageKey, Object ageArgument) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	static NotificationRow of(Notification notification, Instant now) {
		Duration age = Duration.between(notification.createdAt(), now);
		if (age.toMinutes() < 1) {
			return new NotificationRow(notification, "notifications.age.now", 0);
		}
		if (age.toHours() < 1) {
			return new NotificationRow(notification, "notifications.age.minutes", age.toMinutes());
		}
		if (age.toDays() < 1) {
			return new NotificationRow(notification, "notifications.age.hours", age.toHours());
		}
		if (age.toDays() < 7) {
			return new NotificationRow(notification, "notifications.age.days", age.toDays());
		}
		return new NotificationRow(notification, "notifications.age.date", DATE.format(notification.createdAt()));
	}

}
