package dev.roadmap.progress.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.roadmap.account.ExportRows;
import dev.roadmap.account.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The progress module's part of a user's personal data: their statuses, evidence, reviews
 * with their conversations, their history, and what they wrote on other learners' reviews
 * as a mentor. Erased last, since other parts may read the review history to anonymise
 * their own records first.
 */
@Component
@Order(30)
class ProgressPersonalData implements PersonalData {

	private static final String SKILL_COLUMNS = "rs.stage_slug as stage, rs.skill_slug as skill, rs.skill_title";

	// The roadmap's published read model: skills the roadmap retired still have a name.
	private static final String SKILL_JOIN = "join roadmap_skill rs on rs.skill_id = x.skill_id";

	private final JdbcClient jdbc;

	private final LearnerSummaries summaries;

	private final SkillNotes notes;

	/**
	 * For the history, streamed while it is written ({@link ExportRows#client}).
	 */
	private final JdbcClient streaming;

	ProgressPersonalData(JdbcClient jdbc, JdbcTemplate template, LearnerSummaries summaries, SkillNotes notes) {
		this.jdbc = jdbc;
		this.summaries = summaries;
		this.notes = notes;
		this.streaming = ExportRows.client(template);
	}

	@Override
	public String name() {
		return "progress";
	}

	@Override
	public Export export(long userId) {
		Map<Long, List<Comment>> comments = new HashMap<>();
		this.jdbc.sql("""
				select x.skill_id, x.author_id, u.display_name, x.body, x.created_at from review_comment x
				left join user_directory u on u.user_id = x.author_id
				where x.user_id = :user order by x.id""").param("user", userId).query((rs) -> {
			long author = rs.getLong("author_id");
			boolean known = !rs.wasNull();
			comments.computeIfAbsent(rs.getLong("skill_id"), (id) -> new ArrayList<>())
				.add(new Comment(known && author == userId, known ? rs.getString("display_name") : null,
						rs.getString("body"), instant(rs, "created_at")));
		});
		List<SkillRecord> skills = this.jdbc.sql("select x.skill_id, " + SKILL_COLUMNS + """
				, x.status, x.updated_at, x.review_state, x.review_requested_at, x.reviewed_at,
				x.evidence_url, x.evidence_live_url, x.evidence_note
				from skill_status x
				""" + SKILL_JOIN + " where x.user_id = :user order by rs.stage_position, rs.skill_position")
			.param("user", userId)
			.query((rs, row) -> new SkillRecord(rs.getString("stage"), rs.getString("skill"),
					rs.getString("skill_title"), rs.getString("status"), instant(rs, "updated_at"),
					new Evidence(rs.getString("evidence_url"), rs.getString("evidence_live_url"),
							rs.getString("evidence_note")),
					new Review(rs.getString("review_state"), instant(rs, "review_requested_at"),
							instant(rs, "reviewed_at"), comments.getOrDefault(rs.getLong("skill_id"), List.of()))))
			.list();
		// The history grows with every change: streamed while the export is written.
		ExportRows<StatusEvent> statusEvents = ExportRows.of(() -> this.streaming
			.sql("select " + SKILL_COLUMNS + ", x.from_status, x.to_status, x.occurred_at from status_event x "
					+ SKILL_JOIN + " where x.user_id = :user order by x.id")
			.param("user", userId)
			.query((rs, row) -> new StatusEvent(rs.getString("stage"), rs.getString("skill"),
					rs.getString("skill_title"), rs.getString("from_status"), rs.getString("to_status"),
					instant(rs, "occurred_at")))
			.stream());
		ExportRows<ReviewEvent> reviewEvents = ExportRows.of(() -> this.streaming
			.sql("select " + SKILL_COLUMNS
					+ ", x.action, x.actor_id, u.display_name, x.occurred_at from review_event x " + SKILL_JOIN
					+ " left join user_directory u on u.user_id = x.actor_id where x.user_id = :user order by x.id")
			.param("user", userId)
			.query((rs, row) -> {
				long actor = rs.getLong("actor_id");
				boolean known = !rs.wasNull();
				return new ReviewEvent(rs.getString("stage"), rs.getString("skill"), rs.getString("skill_title"),
						rs.getString("action"), known && actor == userId, known ? rs.getString("display_name") : null,
						instant(rs, "occurred_at"));
			})
			.stream());
		// As a mentor: what they wrote, without saying about whom.
		List<WrittenComment> written = this.jdbc
			.sql("select " + SKILL_COLUMNS + ", x.body, x.created_at from review_comment x " + SKILL_JOIN
					+ " where x.author_id = :user and x.user_id <> :user order by x.id")
			.param("user", userId)
			.query((rs, row) -> new WrittenComment(rs.getString("stage"), rs.getString("skill"),
					rs.getString("skill_title"), rs.getString("body"), instant(rs, "created_at")))
			.list();
		// Labelled with their stage and skill like every other part, retired skills too.
		List<PrivateNote> notes = this.jdbc
			.sql("select " + SKILL_COLUMNS + ", x.body, x.updated_at from skill_note x " + SKILL_JOIN
					+ " where x.user_id = :user order by x.skill_id")
			.param("user", userId)
			.query((rs, row) -> new PrivateNote(rs.getString("stage"), rs.getString("skill"),
					rs.getString("skill_title"), rs.getString("body"), instant(rs, "updated_at")))
			.list();
		return new Export(skills, statusEvents, reviewEvents, written, notes);
	}

	/**
	 * Deletes the user's statuses (with their evidence, reviews and conversations), notes
	 * and history. What they did on other learners' reviews stays, for those learners and
	 * their mentors, with the author removed: the pages show "A former user".
	 */
	@Override
	public void erase(long userId) {
		this.jdbc.sql("update review_comment set author_id = null where author_id = :user and user_id <> :user")
			.param("user", userId)
			.update();
		this.jdbc.sql("update review_event set actor_id = null where actor_id = :user and user_id <> :user")
			.param("user", userId)
			.update();
		this.jdbc.sql("delete from review_claim where mentor_id = :user").param("user", userId).update();
		this.jdbc.sql("update skill_status set reviewed_by = null where reviewed_by = :user and user_id <> :user")
			.param("user", userId)
			.update();
		this.notes.deleteAllOf(userId);
		this.jdbc.sql("delete from review_event where user_id = :user").param("user", userId).update();
		this.jdbc.sql("delete from status_event where user_id = :user").param("user", userId).update();
		// Cascades to the conversations and claims about the user's own skills.
		this.jdbc.sql("delete from skill_status where user_id = :user").param("user", userId).update();
		this.summaries.refresh(userId);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record Export(List<SkillRecord> skills, ExportRows<StatusEvent> statusHistory,
			ExportRows<ReviewEvent> reviewHistory, List<WrittenComment> commentsOnOtherLearnersReviews,
			List<PrivateNote> notes) {
	}

	record PrivateNote(String stage, String skill, String skillTitle, String markdown, Instant updatedAt) {
	}

	record SkillRecord(String stage, String skill, String skillTitle, String status, Instant updatedAt,
			Evidence evidence, Review review) {
	}

	record Evidence(String url, String liveUrl, String note) {
	}

	/**
	 * @param comments the conversation; an author of null is a deleted account
	 */
	record Review(String state, Instant requestedAt, Instant reviewedAt, List<Comment> comments) {
	}

	record Comment(boolean byYou, String author, String body, Instant createdAt) {
	}

	record StatusEvent(String stage, String skill, String skillTitle, String from, String to, Instant at) {
	}

	record ReviewEvent(String stage, String skill, String skillTitle, String action, boolean byYou, String actor,
			Instant at) {
	}

	record WrittenComment(String stage, String skill, String skillTitle, String body, Instant createdAt) {
	}

}
