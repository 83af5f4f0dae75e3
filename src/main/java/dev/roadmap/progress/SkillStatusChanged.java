package dev.roadmap.progress;

/**
 * A learner's status for a skill really changed (setting the status it already has
 * publishes nothing). Published inside the change's transaction, after its event row is
 * written and while the status row is locked: a listener that writes does so in the same
 * transaction, so it commits or rolls back with the change.
 *
 * @param userId the learner
 * @param skillId the skill
 * @param from the status before
 * @param to the status now
 */
public record SkillStatusChanged(long userId, long skillId, SkillStatus from, SkillStatus to) {

}
