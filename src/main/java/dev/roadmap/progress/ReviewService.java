package dev.roadmap.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.progress.internal.LearnerSummaries;
import dev.roadmap.roadmap.Skill;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of learners' done skills: evidence, the request, the conversation and the
 * mentor's decision. The review state sits on the learner's status row, locked while it
 * changes; every action appends a review event and publishes a {@link ReviewActivity}.
 * Whether a mentor may review a learner is decided by the caller (mentoring), not here.
 */
@Service
public class ReviewService {

	public static final int MAX_COMMENT_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final LearnerSummaries summaries;

	private final Map<ReviewAction, Counter> actionCounters = new EnumMap<>(ReviewAction.class);

	ReviewService(JdbcClient jdbc, ApplicationEventPublisher events, LearnerSummaries summaries, MeterRegistry meters) {
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
	 * Saves the learner's evidence and asks for a review. Allowed on a done skill that is
	 * not already verified; while a request waits, it updates the evidence.
	 */
	@Transactional
	public void requestReview(long learnerId, Skill skill, Evidence evidence) {
		Map<String, String> problems = evidence.problems(skill.reviewable());
		if (!problems.isEmpty()) {
			throw new ReviewException(problems);
		}
		Row row = lock(learnerId, skill.id()).orElseThrow(() -> new ReviewException("review.notDone"));
		if (row.status() != SkillStatus.DONE) {
			throw new ReviewException("review.notDone");
		}
		if (row.state() == ReviewState.APPROVED) {
			throw new ReviewException("review.alreadyVerified");
		}
		boolean newRequest = row.state() != ReviewState.REQUESTED;
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
			.param("skill", skill.id())
			.update();
		if (newRequest) {
			record(ReviewAction.REQUESTED, learnerId, skill, learnerId);
		}
	}

	/**
	 * Adds a message to a review's conversation, from the learner or a mentor.
	 */
	@Transactional
	public void comment(long learnerId, Skill skill, long authorId, String body) {
		String text = validComment(body);
		Row row = lock(learnerId, skill.id()).orElseThrow(() -> new ReviewException("review.noReview"));
		if (row.state() == ReviewState.NONE) {
			throw new ReviewException("review.noReview");
		}
		insertComment(learnerId, skill, authorId, text);
		record(ReviewAction.COMMENTED, learnerId, skill, authorId);
	}

	/**
	 * A mentor approves a waiting request: the skill becomes verified.
	 */
	@Transactional
	public void approve(long learnerId, Skill skill, long mentorId) {
		requireWaiting(learnerId, skill);
		decide(learnerId, skill, mentorId, ReviewState.APPROVED);
		record(ReviewAction.APPROVED, learnerId, skill, mentorId);
	}

	/**
	 * A mentor asks for changes to a waiting request, saying what in a comment.
	 */
	@Transactional
	public void requestChanges(long learnerId, Skill skill, long mentorId, String comment) {
		String text = validComment(comment);
		requireWaiting(learnerId, skill);
		decide(learnerId, skill, mentorId, ReviewState.CHANGES_REQUESTED);
		insertComment(learnerId, skill, mentorId, text);
		record(ReviewAction.CHANGES_REQUESTED, learnerId, skill, mentorId);
	}

	/**
	 * The learner's review of one skill, with its conversation, oldest message first.
	 */
	@Transactional(readOnly = true)
	public SkillReview reviewOf(long learnerId, long skillId) {
		return reviewsOf(learnerId, skillId).getOrDefault(skillId,
				SkillReview.none(learnerId, skillId, SkillStatus.NOT_STARTED));
	}

	private Map<Long, SkillReview> reviewsOf(long learnerId, Long onlySkillId) {
		String skillFilter = (onlySkillId != null) ? " and skill_id = :skill" : "";
		Map<Long, List<ReviewComment>> comments = new HashMap<>();
		JdbcClient.StatementSpec commentQuery = this.jdbc.sql("""
				select c.id, c.skill_id, c.author_id, u.display_name, c.body, c.created_at from review_comment c
				left join app_user u on u.id = c.author_id
				where c.user_id = :learner""" + skillFilter.replace("skill_id", "c.skill_id") + " order by c.id")
			.param("learner", learnerId);
		if (onlySkillId != null) {
			commentQuery = commentQuery.param("skill", onlySkillId);
		}
		commentQuery.query((rs) -> {
			long authorId = rs.getLong("author_id");
			comments.computeIfAbsent(rs.getLong("skill_id"), (id) -> new ArrayList<>())
				.add(new ReviewComment(rs.getLong("id"), rs.wasNull() ? null : authorId, rs.getString("display_name"),
						rs.getString("body"), instant(rs, "created_at")));
		});
		Map<Long, SkillReview> reviews = new HashMap<>();
		JdbcClient.StatementSpec reviewQuery = this.jdbc.sql("""
				select skill_id, status, review_state, evidence_url, evidence_live_url, evidence_note,
					review_requested_at, reviewed_at
				from skill_status where user_id = :learner""" + skillFilter).param("learner", learnerId);
		if (onlySkillId != null) {
			reviewQuery = reviewQuery.param("skill", onlySkillId);
		}
		reviewQuery.query((rs) -> {
			long skillId = rs.getLong("skill_id");
			reviews.put(skillId,
					new SkillReview(learnerId, skillId, SkillStatus.valueOf(rs.getString("status")),
							ReviewState.valueOf(rs.getString("review_state")),
							new Evidence(rs.getString("evidence_url"), rs.getString("evidence_live_url"),
									rs.getString("evidence_note")),
							instant(rs, "review_requested_at"), instant(rs, "reviewed_at"),
							comments.getOrDefault(skillId, List.of())));
		});
		return reviews;
	}

	private void requireWaiting(long learnerId, Skill skill) {
		Row row = lock(learnerId, skill.id()).orElseThrow(() -> new ReviewException("review.notWaiting"));
		if (row.state() != ReviewState.REQUESTED || row.status() != SkillStatus.DONE) {
			throw new ReviewException("review.notWaiting");
		}
	}

	private void decide(long learnerId, Skill skill, long mentorId, ReviewState state) {
		this.jdbc.sql("""
				update skill_status set review_state = :state, reviewed_at = now(), reviewed_by = :mentor
				where user_id = :learner and skill_id = :skill""")
			.param("state", state.name())
			.param("mentor", mentorId)
			.param("learner", learnerId)
			.param("skill", skill.id())
			.update();
	}

	private void insertComment(long learnerId, Skill skill, long authorId, String text) {
		this.jdbc
			.sql("insert into review_comment (user_id, skill_id, author_id, body) "
					+ "values (:learner, :skill, :author, :body)")
			.param("learner", learnerId)
			.param("skill", skill.id())
			.param("author", authorId)
			.param("body", text)
			.update();
	}

	private void record(ReviewAction action, long learnerId, Skill skill, long actorId) {
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

	private Optional<Row> lock(long learnerId, long skillId) {
		return this.jdbc
			.sql("select status, review_state from skill_status where user_id = :learner and skill_id = :skill "
					+ "for update")
			.param("learner", learnerId)
			.param("skill", skillId)
			.query((rs, rowNum) -> new Row(SkillStatus.valueOf(rs.getString("status")),
					ReviewState.valueOf(rs.getString("review_state"))))
			.optional();
	}

	private static String validComment(String body) {
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty()) {
			throw new ReviewException(Map.of("comment", "review.commentRequired"));
		}
		if (text.length() > MAX_COMMENT_LENGTH) {
			throw new ReviewException(Map.of("comment", "review.commentTooLong"));
		}
		return text;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Row(SkillStatus status, ReviewState state) {
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

}
