package dev.roadmap.mentoring;

/**
 * A learner of an active cohort has had no activity for as long as makes a learner look
 * stuck, and is to be nudged, in the transaction that records the nudge.
 *
 * @param inactiveDays how long "stuck" is, in days
 */
public record LearnerLooksStuck(long learnerId, long inactiveDays) {
}
