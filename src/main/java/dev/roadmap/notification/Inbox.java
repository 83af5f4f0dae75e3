package dev.roadmap.notification;

import java.util.List;

import dev.roadmap.shared.PageOf;

/**
 * One page of a user's notifications, newest first, and how many of all of them are
 * unread.
 */
public record Inbox(PageOf<Notification> page, long unread) {

	/**
	 * The notifications of this page.
	 */
	public List<Notification> items() {
		return this.page.items();
	}

}
