package dev.roadmap.progress.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.roadmap.progress.NoteService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.internal.SkillProgress;
import dev.roadmap.progress.review.internal.ReviewRecords;
import dev.roadmap.roadmap.Skill;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's side of a review (evidence, the request, replies) and what a review looks
 * like to whoever may see it. Mentors' decisions are {@link ReviewDecisions}; whether a
 * mentor may review a learner is mentoring's to decide, not this module's.
 */
@Service
public class ReviewService {

	private final JdbcClient jdbc;

	private final ReviewRecords records;

	private final NoteService notes;

	ReviewService(JdbcClient jdbc, ReviewRecords records, NoteService notes) {
		this.jdbc = jdbc;
		this.records = records;
		this.notes = notes;
	}

	/**
	 * Submits the learner's evidence as the review's next iteration and asks for a
	 * review. Allowed on a done skill that is not already verified; while a request
	 * waits, a new iteration takes the place of the one waiting (which is kept), and the
	 * same evidence again changes nothing.
	 */
	@Transactional
	public void requestReview(long learnerId, Skill skill, Evidence evidence) {
		Map<String, String> problems = evidence.problems(skill.reviewable());
		if (!problems.isEmpty()) {
			throw new ReviewException(problems);
		}
		SkillProgress row = this.records.lock(learnerId, skill.id())
			.orElseThrow(() -> new ReviewException("review.notDone"));
		if (row.status() != SkillStatus.DONE) {
			throw new ReviewException("review.notDone");
		}
		if (row.reviewState() == ReviewState.APPROVED) {
			throw new ReviewException("review.alreadyVerified");
		}
		this.records.submitIteration(row, learnerId, skill, evidence);
	}

	/**
	 * Adds the learner's message to their review's conversation.
	 */
	@Transactional
	public void reply(long learnerId, Skill skill, String body) {
		this.records.addToConversation(learnerId, skill, learnerId, body);
	}

	/**
	 * The learner's review of one skill, with its conversation, oldest message first.
	 */
	@Transactional(readOnly = true)
	public SkillReview reviewOf(long learnerId, long skillId) {
		List<ReviewComment> comments = this.jdbc.sql("""
				select c.id, c.author_id, u.display_name, c.body, c.created_at, c.iteration from review_comment c
				left join user_directory u on u.user_id = c.author_id
				where c.user_id = :learner and c.skill_id = :skill order by c.id""")
			.param("learner", learnerId)
			.param("skill", skillId)
			.query((rs, rowNum) -> {
				long authorId = rs.getLong("author_id");
				return new ReviewComment(rs.getLong("id"), rs.wasNull() ? null : authorId, rs.getString("display_name"),
						rs.getString("body"), this.notes.render(rs.getString("body")),
						rs.getTimestamp("created_at").toInstant(), rs.getInt("iteration"));
			})
			.list();
		List<ReviewIteration> iterations = this.jdbc.sql("""
				select number, evidence_url, evidence_live_url, evidence_note, submitted_at from review_iteration
				where user_id = :learner and skill_id = :skill order by number""")
			.param("learner", learnerId)
			.param("skill", skillId)
			.query((rs, rowNum) -> new ReviewIteration(rs.getInt("number"),
					new Evidence(rs.getString("evidence_url"), rs.getString("evidence_live_url"),
							rs.getString("evidence_note")),
					rs.getTimestamp("submitted_at").toInstant()))
			.list();
		return this.jdbc.sql("""
				select status, review_state, evidence_url, evidence_live_url, evidence_note, review_requested_at,
					reviewed_at, review_iteration
				from skill_status where user_id = :learner and skill_id = :skill""")
			.param("learner", learnerId)
			.param("skill", skillId)
			.query((rs, rowNum) -> new SkillReview(learnerId, skillId, SkillStatus.valueOf(rs.getString("status")),
					ReviewState.valueOf(rs.getString("review_state")),
					new Evidence(rs.getString("evidence_url"), rs.getString("evidence_live_url"),
							rs.getString("evidence_note")),
					instant(rs, "review_requested_at"), instant(rs, "reviewed_at"), rs.getInt("review_iteration"),
					iterations, comments))
			.optional()
			.orElseGet(() -> SkillReview.none(learnerId, skillId, SkillStatus.NOT_STARTED));
	}

	/**
	 * The review actions the user took on other learners' skills (as a mentor), oldest
	 * first: for anonymising what refers to them when their account is deleted.
	 */
	@Transactional(readOnly = true)
	public List<ReviewActionTaken> actionsOnOthersBy(long actorId) {
		return this.jdbc.sql("""
				select user_id, skill_id, action, occurred_at from review_event
				where actor_id = :actor and user_id <> :actor order by id""")
			.param("actor", actorId)
			.query((rs, row) -> new ReviewActionTaken(rs.getLong("user_id"), rs.getLong("skill_id"),
					ReviewAction.valueOf(rs.getString("action")), instant(rs, "occurred_at")))
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
