/**
 * Cohorts, who learns and who mentors in them, the review queue and the mentor pages.
 */
@ApplicationModule(displayName = "Mentoring", allowedDependencies = { "roadmap", "progress", "account" })
package dev.roadmap.mentoring;

import org.springframework.modulith.ApplicationModule;
