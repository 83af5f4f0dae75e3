/**
 * A learner's status per skill, the history of changes, private notes, and the pages that
 * show a learner the roadmap with their progress; for now also evidence, reviews and
 * their conversations, which a review module of their own is to take over.
 */
@ApplicationModule(displayName = "Progress", allowedDependencies = { "roadmap", "account" })
package dev.roadmap.progress;

import org.springframework.modulith.ApplicationModule;
