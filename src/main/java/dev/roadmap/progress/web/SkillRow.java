package dev.roadmap.progress.web;

import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.Skill;

/**
 * A skill on a stage page with the learner's status (not started for visitors).
 */
record SkillRow(Skill skill, SkillStatus status) {
}
