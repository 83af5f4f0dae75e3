package dev.roadmap.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.roadmap.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's notifications. Every method takes the user's id and touches only that user's
 * notifications: someone else's notification id finds nothing.
 */
@Service
public class NotificationService {

	public static final int MAX_PAGE_SIZE = 100;

	private final JdbcClient jdbc;

	NotificationService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many notifications the user has not opened: one statement on a partial index,
	 * cheap enough for every page's header.
	 */
	public long unreadCount(long userId) {
		return this.jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/**
	 * One page of the user's notifications, newest first, with the totals for paging.
	 * @param page the page number, from 1 (a lower one reads as 1)
	 * @param size the page size, from 1 to {@value #MAX_PAGE_SIZE}
	 */
	@Transactional(readOnly = true)
	public Inbox list(long userId, int page, int size) {
		int number = Math.max(1, page);
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		Totals totals = this.jdbc.sql("""
				select count(*) as total, count(*) filter (where read_at is null) as unread
				from notification where user_id = :user""").param("user", userId).query(Totals.class).single();
		long offset = PageOf.offsetOf(number, pageSize);
		List<Notification> items = (offset >= totals.total()) ? List.of()
				: this.jdbc.sql("""
						select id, kind, actor_name, skill_title, link, created_at, read_at from notification
						where user_id = :user order by id desc limit :limit offset :offset""")
					.param("user", userId)
					.param("limit", pageSize)
					.param("offset", offset)
					.query(NotificationService::notification)
					.list();
		return new Inbox(new PageOf<>(items, number, pageSize, totals.total()), totals.unread());
	}

	/**
	 * Marks the user's notification read (opening it twice keeps the first time).
	 * @return where it leads, or empty if the user has no such notification
	 */
	@Transactional
	public Optional<String> open(long userId, long notificationId) {
		return this.jdbc.sql("""
				update notification set read_at = coalesce(read_at, now())
				where id = :id and user_id = :user returning link""")
			.param("id", notificationId)
			.param("user", userId)
			.query(String.class)
			.optional();
	}

	/**
	 * Marks every unread notification of the user read.
	 * @return how many were unread
	 */
	@Transactional
	public int markAllRead(long userId) {
		return this.jdbc.sql("update notification set read_at = now() where user_id = :user and read_at is null")
			.param("user", userId)
			.update();
	}

	private static Notification notification(ResultSet rs, int rowNum) throws SQLException {
		return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("actor_name"), rs.getString("skill_title"), rs.getString("link"),
				instant(rs, "created_at"), instant(rs, "read_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Totals(long total, long unread) {
	}

}
