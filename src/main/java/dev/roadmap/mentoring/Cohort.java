package dev.roadmap.mentoring;

/**
 * A group of learners with their mentors.
 */
public record Cohort(long id, String name, boolean archived, int learners, int mentors) {
}
