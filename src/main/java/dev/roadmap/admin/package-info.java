/**
 * The admin pages over the other modules (users and their roles, cohorts and their
 * members, with how its mentors keep up with its reviews) and the audit log of every
 * admin action.
 */
@ApplicationModule(displayName = "Admin",
		allowedDependencies = { "account", "mentoring", "notification", "progress", "progress :: review", "roadmap" })
package dev.roadmap.admin;

import org.springframework.modulith.ApplicationModule;
