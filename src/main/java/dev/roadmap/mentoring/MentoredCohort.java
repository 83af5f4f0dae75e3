package dev.roadmap.mentoring;

/**
 * An active cohort as its mentor's page lists it, to choose from.
 */
public record MentoredCohort(long id, String name) {
}
