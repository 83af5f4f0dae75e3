package dev.roadmap.mentoring.internal;

import java.time.Instant;

/**
 * A cohort the user learns or mentors in, as their data export shows it.
 *
 * @param role {@code LEARNER} or {@code MENTOR}
 */
public record ExportedMembership(String cohort, String role, Instant since, boolean archived) {
}
