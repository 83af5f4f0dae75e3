/**
 * The admin pages over the other modules (users and their roles, cohorts and their
 * members) and the audit log of every admin action.
 */
@ApplicationModule(displayName = "Admin", allowedDependencies = { "account", "mentoring", "progress", "roadmap" })
package dev.roadmap.admin;

import org.springframework.modulith.ApplicationModule;
