package dev.roadmap.progress.web;

import dev.roadmap.progress.Note;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.Skill;

/**
 * A skill on a stage page with the learner's status, review and private note (not started
 * and none for visitors). Public, as are the types of everything a template calls,
 * because Spring EL compiles an expression to bytecode only when it calls public types;
 * on others it stays interpreted, several times slower on every render.
 */
public record SkillRow(Skill skill, SkillStatus status, SkillReview review, Note note) {

	/**
	 * Whether the learner sees the review part: once the skill is done, or once a review
	 * exists.
	 */
	public boolean showsReview() {
		return this.status == SkillStatus.DONE || this.review.state() != ReviewState.NONE;
	}

	/**
	 * Whether the learner may attach evidence and ask for a review now.
	 */
	public boolean canRequestReview() {
		return this.status == SkillStatus.DONE && !this.review.verified();
	}

}
