/**
 * A learner's status per skill, the history of changes, and the pages that show a learner
 * the roadmap with their progress.
 */
@ApplicationModule(displayName = "Progress", allowedDependencies = { "roadmap", "account" })
package dev.roadmap.progress;

import org.springframework.modulith.ApplicationModule;
