package dev.roadmap.progress.review.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.progress.internal.LearnerSummaries;
import dev.roadmap.progress.internal.SkillProgress;
import dev.roadmap.progress.internal.SkillStatuses;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewAction;
import dev.roadmap.progress.review.ReviewActivity;
import dev.roadmap.progress.review.ReviewException;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.UserText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The writes every review action is made of, in its caller's transaction: the review on
 * the learner's status row (locked first), the conversation, and the review event with
 * what follows from it.
 */
@Component
public class ReviewRecords {

	public static final int MAX_COMMENT_LENGTH = 2000;

	private final SkillStatuses statuses;

	private final ReviewMessages messages;

	private final Iterations iterations;

	private final ReviewEvents reviewEvents;

	private final ApplicationEventPublisher events;

	private final LearnerSummaries summaries;

	private final Map<ReviewAction, Counter> actionCounters = new EnumMap<>(ReviewAction.class);

	ReviewRecords(SkillStatuses statuses, ReviewMessages messages, Iterations iterations, ReviewEvents reviewEvents,
			ApplicationEventPublisher events, LearnerSummaries summaries, MeterRegistry meters) {
		this.statuses = statuses;
		this.messages = messages;
		this.iterations = iterations;
		this.reviewEvents = reviewEvents;
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
	 * @return the row, or empty if the skill was never touched
	 */
	public Optional<SkillProgress> lock(long learnerId, long skillId) {
		return this.statuses.lock(new SkillProgress.Key(learnerId, skillId));
	}

	/**
	 * Adds a message to a review's conversation, from the learner or a mentor, and
	 * records it; there must be a review to talk about.
	 */
	public void addToConversation(long learnerId, Skill skill, long authorId, String body) {
		String text = validComment(body);
		SkillProgress row = lock(learnerId, skill.id()).orElseThrow(() -> new ReviewException("review.noReview"));
		if (row.reviewState() == ReviewState.NONE) {
			throw new ReviewException("review.noReview");
		}
		if (!row.reviewState().conversationOpen()) {
			throw new ReviewException("review.conversationClosed");
		}
		comment(row, authorId, text);
		record(ReviewAction.COMMENTED, learnerId, skill, authorId);
	}

	/**
	 * Makes the evidence the request's next iteration, written once and kept, and records
	 * it: a new request, or a new iteration of a waiting one. Evidence equal to what
	 * already waits (a double-click, a second tab) is no new iteration.
	 * @param row the learner's status row of the skill, locked
	 * @return whether an iteration was submitted
	 */
	public boolean submitIteration(SkillProgress row, long learnerId, Skill skill, Evidence evidence) {
		boolean waiting = row.reviewState() == ReviewState.REQUESTED;
		if (waiting && row.evidence().equals(evidence)) {
			return false;
		}
		Instant now = Instant.now();
		int number = row.submitIteration(evidence, now);
		this.iterations.save(new Iteration(learnerId, skill.id(), number, evidence, now));
		record(waiting ? ReviewAction.RESUBMITTED : ReviewAction.REQUESTED, learnerId, skill, learnerId);
		return true;
	}

	/**
	 * The comment's text, stripped and with {@code "\n"} line breaks ({@link UserText}),
	 * if it is one.
	 * @throws ReviewException if it is blank or too long
	 */
	public static String validComment(String body) {
		String text = UserText.normalize(body);
		if (text.isEmpty()) {
			throw new ReviewException(Map.of("comment", "review.commentRequired"));
		}
		if (text.length() > MAX_COMMENT_LENGTH) {
			throw new ReviewException(Map.of("comment", "review.commentTooLong"));
		}
		return text;
	}

	/**
	 * Adds the message to the conversation, on the row's current iteration.
	 * @param row the learner's status row of the skill, locked
	 */
	public void comment(SkillProgress row, long authorId, String text) {
		this.messages.save(new ReviewMessage(row.userId(), row.skillId(), authorId, text, row.reviewIteration()));
	}

	/**
	 * Appends the review event, keeps the learner's summary true and tells the other
	 * modules (notifications).
	 */
	public void record(ReviewAction action, long learnerId, Skill skill, long actorId) {
		this.reviewEvents.save(new ReviewEvent(learnerId, skill.id(), actorId, action));
		this.actionCounters.get(action).increment();
		// An approval verifies the skill, a decision ends the wait, the learner's own
		// action is activity; a mentor's comment moves none of them.
		if (action != ReviewAction.COMMENTED || actorId == learnerId) {
			// The summary is recomputed by SQL of its own: it must see the changes.
			this.statuses.flush();
			this.summaries.refresh(learnerId);
		}
		this.events.publishEvent(new ReviewActivity(action, learnerId, skill.id(), skill.title(), actorId));
	}

}
