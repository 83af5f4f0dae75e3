package dev.roadmap.progress.review;

import java.time.Instant;

/**
 * A review action someone took on a learner's skill, as recorded in the learner's
 * history.
 *
 * @param at when, the time of the transaction that took it
 */
public record ReviewActionTaken(long learnerId, long skillId, ReviewAction action, Instant at) {
}
