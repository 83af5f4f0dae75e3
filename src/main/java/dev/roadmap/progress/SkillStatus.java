package dev.roadmap.progress;

/**
 * Where a learner stands on one skill. A skill without a stored status is not started.
 */
public enum SkillStatus {

	NOT_STARTED, IN_PROGRESS, DONE, SKIPPED

}
