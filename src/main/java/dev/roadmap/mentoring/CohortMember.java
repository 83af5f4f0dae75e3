package dev.roadmap.mentoring;

/**
 * A learner or mentor of a cohort.
 */
public record CohortMember(long userId, String displayName, String email) {
}
