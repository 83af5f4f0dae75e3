package dev.roadmap.notification;

import java.time.Instant;

/**
 * One notification as its recipient sees it, with everything needed to show it.
 *
 * @param actorName who acted, as they were called then
 * @param link where the notification leads, a path within the site
 * @param readAt when the recipient opened it, or {@code null} while unread
 */
public record Notification(long id, NotificationKind kind, String actorName, String skillTitle, String link,
		Instant createdAt, Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

}
