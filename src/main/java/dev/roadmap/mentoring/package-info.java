/**
 * Cohorts, who learns and who mentors in them (and so who may review whom), and the
 * mentor pages; the reviews themselves, their claims and queue belong to
 * {@code progress.review}.
 */
@ApplicationModule(displayName = "Mentoring",
		allowedDependencies = { "roadmap", "progress", "progress :: review", "account" })
package dev.roadmap.mentoring;

import org.springframework.modulith.ApplicationModule;
