package dev.roadmap.api;

import dev.roadmap.admin.Actor;
import dev.roadmap.admin.AuditAction;
import dev.roadmap.admin.AuditLog;
import dev.roadmap.admin.AuditTarget;
import dev.roadmap.api.TokenAuthenticationFilter.TokenAuthenticated;
import dev.roadmap.mentoring.CohortMember;
import dev.roadmap.progress.review.Claim;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.roadmap.Skill;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review actions a mentor takes through the API, each through the review module's
 * {@link ReviewDecisions} (its rules, its writes) and, in the same transaction, written
 * to the audit log with the token that acted: an action that is refused leaves no entry,
 * and no action goes unrecorded. The pages' actions are the mentor at the keyboard and
 * are not audited; a token may be a script nobody watches.
 */
@Component
class MentorReviewActions {

	private final ReviewDecisions decisions;

	private final AuditLog audit;

	MentorReviewActions(ReviewDecisions decisions, AuditLog audit) {
		this.decisions = decisions;
		this.audit = audit;
	}

	/**
	 * @return the claim that holds afterwards; audited only if it is the mentor's
	 */
	@Transactional
	Claim claim(TokenAuthenticated token, CohortMember learner, Skill skill) {
		Claim claim = this.decisions.claim(token.token().principal().id(), learner.userId(), skill.id());
		if (claim.heldBy(token.token().principal().id())) {
			record(token, AuditAction.API_REVIEW_CLAIMED, learner, skill.key());
		}
		return claim;
	}

	@Transactional
	void release(TokenAuthenticated token, CohortMember learner, Skill skill) {
		this.decisions.release(token.token().principal().id(), learner.userId(), skill.id());
		record(token, AuditAction.API_REVIEW_RELEASED, learner, skill.key());
	}

	@Transactional
	void approve(TokenAuthenticated token, CohortMember learner, Skill skill, int iteration, String comment) {
		this.decisions.approve(token.token().principal().id(), learner.userId(), skill, iteration, comment);
		record(token, AuditAction.API_REVIEW_APPROVED, learner, skill.key() + ", iteration " + iteration);
	}

	@Transactional
	void requestChanges(TokenAuthenticated token, CohortMember learner, Skill skill, int iteration, String comment) {
		this.decisions.requestChanges(token.token().principal().id(), learner.userId(), skill, iteration, comment);
		record(token, AuditAction.API_CHANGES_REQUESTED, learner, skill.key() + ", iteration " + iteration);
	}

	@Transactional
	void comment(TokenAuthenticated token, CohortMember learner, Skill skill, String body) {
		this.decisions.comment(token.token().principal().id(), learner.userId(), skill, body);
		record(token, AuditAction.API_REVIEW_COMMENTED, learner, skill.key());
	}

	/**
	 * The entry: the mentor, what, the learner, and as its value the skill and the token
	 * by name and id (a name is the user's to repeat).
	 */
	private void record(TokenAuthenticated token, AuditAction action, CohortMember learner, String what) {
		this.audit.record(Actor.of(token.token().principal()), action,
				AuditTarget.user(learner.userId(), learner.displayName(), learner.email()), null,
				what + " \u00b7 token \u201c" + token.token().tokenName() + "\u201d (#" + token.token().tokenId()
						+ ")");
	}

}
