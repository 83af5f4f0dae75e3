package dev.roadmap.progress.review.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.internal.LearnerSummaries;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewAction;
import dev.roadmap.progress.review.ReviewActivity;
import dev.roadmap.progress.review.ReviewException;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.Skill;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes every review action is made of, in its caller's transaction: the review
 * state on the learner's status row (locked first), the conversation, and the review
 * event with what follows from it.
 */
@Component
public class ReviewRecords {

	public static final int MAX_COMMENT_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final LearnerSummaries summaries;

	private final Map<ReviewAction, Counter> actionCounters = new EnumMap<>(ReviewAction.class);

	ReviewRecords(JdbcClient jdbc, ApplicationEventPublisher events, LearnerSummaries summaries, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.events = events;
		this.summaries = summaries;
		for (ReviewAction action : ReviewAction.values()) {
			this.actionCounters.put(action,
					Counter.builder("roadmap.review.actions")
						.description("Review requests, comments and decisions")
						.tag("action", action.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
	}

	/**
	 * Locks the learner's status row of the skill until the transaction ends: status
	 * changes and review actions on it queue up behind each other.
	 * @return its status and review state, or empty if the skill was never touched
	 */
	public Optional<LockedRow> lock(long learnerId, long skillId) {
		return this.jdbc
			.sql("select status, review_state from skill_status where user_id = :learner and skill_id = :skill "
					+ "for update")
			.param("learner", learnerId)
			.param("skill", skillId)
			.query((rs, rowNum) -> new LockedRow(SkillStatus.valueOf(rs.getString("status")),
					ReviewState.valueOf(rs.getString("review_state"))))
			.optional();
	}

	/**
	 * Saves the evidence and marks the request waiting; a new request is stamped now.
	 */
	public void request(long learnerId, long skillId, Evidence evidence, boolean newRequest) {
		this.jdbc.sql("""
				update skill_status set evidence_url = :url, evidence_live_url = :liveUrl, evidence_note = :note,
					review_state = 'REQUESTED',
					review_requested_at = case when :newRequest then now() else review_requested_at end
				where user_id = :learner and skill_id = :skill""")
			.param("url", evidence.url())
			.param("liveUrl", evidence.liveUrl())
			.param("note", evidence.note())
			.param("newRequest", newRequest)
			.param("learner", learnerId)
			.param("skill", skillId)
			.update();
	}

	public void decide(long learnerId, long skillId, long mentorId, ReviewState state) {
		this.jdbc.sql("""
				update skill_status set review_state = :state, reviewed_at = now(), reviewed_by = :mentor
				where user_id = :learner and skill_id = :skill""")
			.param("state", state.name())
			.param("mentor", mentorId)
			.param("learner", learnerId)
			.param("skill", skillId)
			.update();
	}

	/**
	 * Adds a message to a review's conversation, from the learner or a mentor, and
	 * records it; there must be a review to talk about.
	 */
	public void addToConversation(long learnerId, Skill skill, long authorId, String body) {
		String text = validComment(body);
		LockedRow row = lock(learnerId, skill.id()).orElseThrow(() -> new ReviewException("review.noReview"));
		if (row.state() == ReviewState.NONE) {
			throw new ReviewException("review.noReview");
		}
		comment(learnerId, skill.id(), authorId, text);
		record(ReviewAction.COMMENTED, learnerId, skill, authorId);
	}

	/**
	 * The comment's text, stripped, if it is one.
	 * @throws ReviewException if it is blank or too long
	 */
	public static String validComment(String body) {
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty()) {
			throw new ReviewException(Map.of("comment", "review.commentRequired"));
		}
		if (text.length() > MAX_COMMENT_LENGTH) {
			throw new ReviewException(Map.of("comment", "review.commentTooLong"));
		}
		return text;
	}

	public void comment(long learnerId, long skillId, long authorId, String text) {
		this.jdbc
			.sql("insert into review_comment (user_id, skill_id, author_id, body) "
					+ "values (:learner, :skill, :author, :body)")
			.param("learner", learnerId)
			.param("skill", skillId)
			.param("author", authorId)
			.param("body", text)
			.update();
	}

	/**
	 * Appends the review event, keeps the learner's summary true and tells the other
	 * modules (notifications).
	 */
	public void record(ReviewAction action, long learnerId, Skill skill, long actorId) {
		this.jdbc
			.sql("insert into review_event (user_id, skill_id, actor_id, action) "
					+ "values (:learner, :skill, :actor, :action)")
			.param("learner", learnerId)
			.param("skill", skill.id())
			.param("actor", actorId)
			.param("action", action.name())
			.update();
		this.actionCounters.get(action).increment();
		// An approval verifies the skill, a decision ends the wait, the learner's own
		// action is activity; a mentor's comment moves none of them.
		if (action != ReviewAction.COMMENTED || actorId == learnerId) {
			this.summaries.refresh(learnerId);
		}
		this.events.publishEvent(new ReviewActivity(action, learnerId, skill.id(), skill.title(), actorId));
	}

	/**
	 * A locked status row: what the review rules look at.
	 */
	public record LockedRow(SkillStatus status, ReviewState state) {

		public boolean awaitingReview() {
			return this.status == SkillStatus.DONE && this.state == ReviewState.REQUESTED;
		}

	}

}
