/**
 * A learner's status per skill, the history of changes, private notes, and the pages that
 * show a learner the roadmap with their progress; its named interface {@code review}
 * ({@code progress.review}) owns the reviews of done skills.
 */
@ApplicationModule(displayName = "Progress", allowedDependencies = { "roadmap", "account" })
package dev.roadmap.progress;

import org.springframework.modulith.ApplicationModule;
