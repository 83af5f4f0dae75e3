package dev.roadmap.admin.internal;

import dev.roadmap.mentoring.Cohort;

/**
 * The outcome of adding someone to a cohort or removing them: who, where, and whether
 * anything changed (enrolling someone already enrolled changes nothing).
 */
public record MemberChange(Cohort cohort, long userId, String displayName, String email, boolean changed) {
}
