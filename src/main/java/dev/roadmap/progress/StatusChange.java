package dev.roadmap.progress;

/**
 * The outcome of setting a status: what it was and what it is now.
 */
public record StatusChange(SkillStatus from, SkillStatus to) {

	public boolean changed() {
		return this.from != this.to;
	}

	/**
	 * A change and the learner's skills as they are right after it.
	 */
	public record Shown(StatusChange change, LearnerSkills skills) {
	}

}
