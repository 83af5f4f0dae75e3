/**
 * The roadmap content: stages, skills and learning resources, loaded from the
 * repository's content file.
 */
@ApplicationModule(displayName = "Roadmap", allowedDependencies = {})
package dev.roadmap.roadmap;

import org.springframework.modulith.ApplicationModule;
