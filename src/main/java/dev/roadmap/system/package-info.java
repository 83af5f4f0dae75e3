/**
 * What holds the application together: security, the zero-configuration database, demo
 * data, the layout and error pages.
 */
@ApplicationModule(displayName = "System")
package dev.roadmap.system;

import org.springframework.modulith.ApplicationModule;
