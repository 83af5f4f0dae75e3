package dev.roadmap.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import dev.roadmap.account.ExportRows;
import dev.roadmap.account.PersonalData;
import dev.roadmap.progress.review.ReviewActionTaken;
import dev.roadmap.progress.review.ReviewService;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification module's part of a user's personal data: the notifications they
 * received. Erasing deletes those, their e-mail preference, and every notification about
 * the user's own skills; notifications other learners got about what the user did as a
 * mentor stay, with the user's name replaced by "A former user". Those are found through
 * the review history, so this part is erased before progress erases that history.
 */
@Component
@Order(10)
class NotificationPersonalData implements PersonalData {

	// Each column named: query(Class) looks a field such as displayName up by that name
	// first, and every miss throws an SQLException, row after row.
	private static final RowMapper<Received> RECEIVED = (rs, row) -> new Received(rs.getString("kind"),
			rs.getString("actor"), rs.getString("skill_title"), rs.getString("link"),
			NotificationService.instant(rs, "created_at"), NotificationService.instant(rs, "read_at"));

	private final JdbcClient jdbc;

	private final ReviewService reviews;

	private final MessageSource messages;

	/**
	 * For the notifications, streamed while they are written ({@link ExportRows#client}).
	 */
	private final JdbcClient streaming;

	NotificationPersonalData(JdbcClient jdbc, JdbcTemplate template, ReviewService reviews, MessageSource messages) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.messages = messages;
		this.streaming = ExportRows.client(template);
	}

	@Override
	public String name() {
		return "notifications";
	}

	@Override
	public ExportRows<Received> export(long userId) {
		// Grows with every review action: streamed while the export is written.
		return ExportRows.of(() -> this.streaming.sql("""
				select kind, actor_name as actor, skill_title, link, created_at, read_at from notification
				where user_id = :user order by id""").param("user", userId).query(RECEIVED).stream());
	}

	@Override
	public void erase(long userId) {
		String formerUser = this.messages.getMessage("review.deletedUser", null, Locale.ENGLISH);
		// A notification is written in the same transaction as the review event it
		// reports, so both carry the same time.
		for (ReviewActionTaken action : this.reviews.actionsOnOthersBy(userId)) {
			this.jdbc.sql("""
					update notification set actor_name = :formerUser
					where learner_id = :learner and skill_id = :skill and kind = :kind and created_at = :at
					and user_id <> :user""")
				.param("formerUser", formerUser)
				.param("learner", action.learnerId())
				.param("skill", action.skillId())
				.param("kind", NotificationKind.of(action.action()).name())
				.param("at", Timestamp.from(action.at()))
				.param("user", userId)
				.update();
		}
		this.jdbc.sql("delete from notification where user_id = :user or learner_id = :user")
			.param("user", userId)
			.update();
		this.jdbc.sql("delete from notification_preference where user_id = :user").param("user", userId).update();
	}

	record Received(String kind, String actor, String skillTitle, String link, Instant createdAt, Instant readAt) {
	}

}
