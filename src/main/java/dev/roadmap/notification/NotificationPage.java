package dev.roadmap.notification;

import java.util.List;

/**
 * One page of a user's notifications, newest first.
 *
 * @param page the page index, from 0
 * @param total how many notifications the user has in all
 * @param unread how many of them are unread
 */
public record NotificationPage(List<Notification> items, int page, int size, long total, long unread) {

	public NotificationPage {
		items = List.copyOf(items);
	}

	/**
	 * The page number for people, from 1.
	 */
	public int number() {
		return this.page + 1;
	}

	/**
	 * How many pages there are; at least 1, so an empty list is "page 1 of 1".
	 */
	public long totalPages() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
