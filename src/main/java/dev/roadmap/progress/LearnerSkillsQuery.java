package dev.roadmap.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewComment;
import dev.roadmap.progress.review.ReviewIteration;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a learner's statuses, reviews, their iterations and conversations, and notes in
 * one statement: the rows of the four tables, told apart by a {@code kind} column, so a
 * page gets all of it in one round trip whatever the number of skills, comments or notes.
 */
final class LearnerSkillsQuery {

	private static final String SQL = """
			select 'STATUS' as kind, ss.skill_id, ss.status, ss.review_state, ss.evidence_url, ss.evidence_live_url,
				ss.evidence_note, ss.review_requested_at as requested_at, ss.reviewed_at as reviewed_at,
				cast(null as bigint) as comment_id, cast(null as bigint) as author_id,
				cast(null as varchar) as author_name, cast(null as text) as body, ss.review_iteration as iteration
			from skill_status ss where ss.user_id = :learner
			union all
			select 'COMMENT', c.skill_id, null, null, null, null, null, c.created_at, null, c.id, c.author_id,
				u.display_name, c.body, c.iteration
			from review_comment c left join user_directory u on u.user_id = c.author_id
			where c.user_id = :learner and :conversations
			union all
			select 'ITERATION', i.skill_id, null, null, i.evidence_url, i.evidence_live_url, i.evidence_note,
				i.submitted_at, null, i.number, null, null, null, i.number
			from review_iteration i where i.user_id = :learner and :conversations
			union all
			select 'NOTE', n.skill_id, null, null, null, null, null, n.updated_at, null, null, null, null, n.body, null
			from skill_note n where n.user_id = :learner and :notes
			order by kind, comment_id""";

	private final JdbcClient jdbc;

	private final NoteService notes;

	LearnerSkillsQuery(JdbcClient jdbc, NoteService notes) {
		this.jdbc = jdbc;
		this.notes = notes;
	}

	/**
	 * The learner's statuses and review states, and as asked their reviews' iterations
	 * and conversations and their notes.
	 * @param conversations whether to read the reviews' iterations and conversations
	 * @param withNotes whether to read the learner's (private) notes
	 */
	LearnerSkills read(long learnerId, boolean conversations, boolean withNotes) {
		Map<Long, SkillStatus> statuses = new HashMap<>();
		Map<Long, Row> reviews = new HashMap<>();
		Map<Long, List<ReviewComment>> comments = new HashMap<>();
		Map<Long, List<ReviewIteration>> iterations = new HashMap<>();
		Map<Long, Note> notes = new HashMap<>();
		this.jdbc.sql(SQL)
			.param("learner", learnerId)
			.param("conversations", conversations)
			.param("notes", withNotes)
			.query((rs) -> {
				long skillId = rs.getLong("skill_id");
				switch (rs.getString("kind")) {
					case "STATUS" -> {
						SkillStatus status = SkillStatus.valueOf(rs.getString("status"));
						statuses.put(skillId, status);
						reviews.put(skillId,
								new Row(status, ReviewState.valueOf(rs.getString("review_state")),
										new Evidence(rs.getString("evidence_url"), rs.getString("evidence_live_url"),
												rs.getString("evidence_note")),
										instant(rs, "requested_at"), instant(rs, "reviewed_at"),
										rs.getInt("iteration")));
					}
					case "ITERATION" -> iterations.computeIfAbsent(skillId, (id) -> new ArrayList<>())
						.add(new ReviewIteration(
								rs.getInt("iteration"), new Evidence(rs.getString("evidence_url"),
										rs.getString("evidence_live_url"), rs.getString("evidence_note")),
								instant(rs, "requested_at")));
					case "COMMENT" -> {
						long authorId = rs.getLong("author_id");
						Long author = rs.wasNull() ? null : authorId;
						comments.computeIfAbsent(skillId, (id) -> new ArrayList<>())
							.add(new ReviewComment(rs.getLong("comment_id"), author, rs.getString("author_name"),
									rs.getString("body"), this.notes.render(rs.getString("body")),
									instant(rs, "requested_at"), rs.getInt("iteration")));
					}
					default -> {
						String body = rs.getString("body");
						notes.put(skillId,
								new Note(skillId, body, this.notes.render(body), instant(rs, "requested_at")));
					}
				}
			});
		Map<Long, SkillReview> reviewsBySkill = new HashMap<>();
		reviews.forEach((skillId, row) -> reviewsBySkill.put(skillId,
				new SkillReview(learnerId, skillId, row.status(), row.state(), row.evidence(), row.requestedAt(),
						row.reviewedAt(), row.iteration(), iterations.getOrDefault(skillId, List.of()),
						comments.getOrDefault(skillId, List.of()))));
		return new LearnerSkills(statuses, reviewsBySkill, notes);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Row(SkillStatus status, ReviewState state, Evidence evidence, Instant requestedAt,
			Instant reviewedAt, int iteration) {
	}

}
