package dev.roadmap.progress.review;

import java.time.Instant;
import java.util.Optional;

import dev.roadmap.progress.internal.SkillProgress;
import dev.roadmap.progress.review.internal.Claims;
import dev.roadmap.progress.review.internal.ReviewRecords;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.UserText;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mentor's side of a review: claim the request, talk, and decide. A decision needs the
 * mentor's live claim; checking it, deciding, releasing the claim and recording the event
 * are one transaction, so no other mentor can slip in between. Whether the mentor may
 * review the learner at all is for the caller (mentoring) to check first.
 */
@Service
public class ReviewDecisions {

	private final ReviewRecords records;

	private final Claims claims;

	ReviewDecisions(ReviewRecords records, Claims claims) {
		this.records = records;
		this.claims = claims;
	}

	/**
	 * Claims the waiting request for the mentor unless another mentor holds a live claim
	 * on it. Only a waiting request is claimed: a claim is the right to decide.
	 * @return the claim that holds afterwards, the mentor's or the other's
	 * @throws ReviewException if the request does not wait for a decision
	 */
	@Transactional
	public Claim claim(long mentorId, long learnerId, long skillId) {
		this.records.lock(learnerId, skillId)
			.filter(SkillProgress::awaitingReview)
			.orElseThrow(() -> new ReviewException("review.notWaiting"));
		this.claims.claim(mentorId, learnerId, skillId);
		return this.claims.of(learnerId, skillId).orElseThrow();
	}

	/**
	 * Keeps the mentor's live claim alive, as looking at the request does.
	 * @return whether the mentor holds a live claim on it
	 */
	@Transactional
	public boolean keepClaim(long mentorId, long learnerId, long skillId) {
		return this.claims.touch(mentorId, learnerId, skillId);
	}

	@Transactional
	public void release(long mentorId, long learnerId, long skillId) {
		this.claims.release(mentorId, learnerId, skillId);
	}

	/**
	 * The live claim on a request, if any.
	 */
	@Transactional(readOnly = true)
	public Optional<Claim> claimOf(long learnerId, long skillId) {
		return this.claims.of(learnerId, skillId);
	}

	/**
	 * The mentor approves the iteration they looked at, of a waiting request they hold
	 * the claim of: the skill becomes verified and the claim is released. A comment, if
	 * any, goes with the decision into the conversation.
	 * @param iteration the number of the iteration the mentor decided on
	 * @param comment an optional comment (null or blank for none)
	 * @throws ClaimRequiredException if the mentor holds no live claim on it
	 * @throws ReviewException if a newer iteration came in, or the comment is too long
	 */
	@Transactional
	public void approve(long mentorId, long learnerId, Skill skill, int iteration, String comment) {
		SkillProgress row = requireClaimOnWaiting(mentorId, learnerId, skill, iteration);
		String text = UserText.normalize(comment).isEmpty() ? null : ReviewRecords.validComment(comment);
		row.decide(ReviewState.APPROVED, mentorId, Instant.now());
		if (text != null) {
			this.records.comment(row, mentorId, text);
		}
		this.claims.release(mentorId, learnerId, skill.id());
		this.records.record(ReviewAction.APPROVED, learnerId, skill, mentorId);
	}

	/**
	 * The mentor asks for changes to the iteration they looked at, of a waiting request
	 * they hold the claim of, saying what in a comment; the claim is released.
	 * @param iteration the number of the iteration the mentor decided on
	 * @throws ClaimRequiredException if the mentor holds no live claim on it
	 * @throws ReviewException if a newer iteration came in, or the comment is blank or
	 * too long
	 */
	@Transactional
	public void requestChanges(long mentorId, long learnerId, Skill skill, int iteration, String comment) {
		SkillProgress row = requireClaimOnWaiting(mentorId, learnerId, skill, iteration);
		String text = ReviewRecords.validComment(comment);
		row.decide(ReviewState.CHANGES_REQUESTED, mentorId, Instant.now());
		this.records.comment(row, mentorId, text);
		this.claims.release(mentorId, learnerId, skill.id());
		this.records.record(ReviewAction.CHANGES_REQUESTED, learnerId, skill, mentorId);
	}

	/**
	 * Adds the mentor's message to the conversation while it is open (the request waits
	 * or changes were requested), claimed or not, keeping their claim (if any) alive.
	 * @throws ReviewException if the comment is blank or too long, or the conversation is
	 * closed
	 */
	@Transactional
	public void comment(long mentorId, long learnerId, Skill skill, String body) {
		this.records.addToConversation(learnerId, skill, mentorId, body);
		this.claims.touch(mentorId, learnerId, skill.id());
	}

	/**
	 * The request's status row, locked, if the mentor holds a live claim on it, it waits
	 * for a decision and the iteration waiting is the one the mentor decided on: a
	 * decision made on a page opened before the learner submitted again would otherwise
	 * approve evidence the mentor never saw.
	 */
	private SkillProgress requireClaimOnWaiting(long mentorId, long learnerId, Skill skill, int iteration) {
		if (!this.claims.touch(mentorId, learnerId, skill.id())) {
			throw new ClaimRequiredException();
		}
		SkillProgress row = this.records.lock(learnerId, skill.id())
			.filter(SkillProgress::awaitingReview)
			.orElseThrow(() -> new ReviewException("review.notWaiting"));
		if (row.reviewIteration() != iteration) {
			throw new ReviewException("review.staleIteration");
		}
		return row;
	}

}
