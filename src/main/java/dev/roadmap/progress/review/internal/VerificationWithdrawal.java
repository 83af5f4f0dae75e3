package dev.roadmap.progress.review.internal;

import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.SkillStatusChanged;
import dev.roadmap.progress.internal.SkillProgress;
import dev.roadmap.progress.internal.SkillStatuses;
import dev.roadmap.progress.review.ReviewAction;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.RoadmapService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What undoing a verified skill means: a mentor approved the work the learner showed
 * while they called the skill done; once they no longer do, the approval is withdrawn, in
 * the status change's transaction and under its row lock. The learner's history and the
 * mentors (notified of the event) see it; done again, the skill waits for a new review
 * instead of being verified again with nobody looking. The evidence stays as the draft of
 * that next request.
 */
@Component
class VerificationWithdrawal {

	private final SkillStatuses statuses;

	private final ReviewRecords records;

	private final RoadmapService roadmap;

	VerificationWithdrawal(SkillStatuses statuses, ReviewRecords records, RoadmapService roadmap) {
		this.statuses = statuses;
		this.records = records;
		this.roadmap = roadmap;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void onSkillStatusChanged(SkillStatusChanged changed) {
		if (changed.from() != SkillStatus.DONE || changed.to() == SkillStatus.DONE) {
			return;
		}
		// The status change locked this row and holds it: no second lock, no statement.
		this.statuses.findById(new SkillProgress.Key(changed.userId(), changed.skillId()))
			.filter((row) -> row.reviewState() == ReviewState.APPROVED)
			.ifPresent((row) -> withdraw(row, changed));
	}

	private void withdraw(SkillProgress row, SkillStatusChanged changed) {
		row.withdrawApproval();
		this.roadmap.skill(changed.skillId())
			.ifPresent(
					(skill) -> this.records.record(ReviewAction.UNVERIFIED, changed.userId(), skill, changed.userId()));
	}

}
