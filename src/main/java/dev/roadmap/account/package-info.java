/**
 * Users, their roles, registration and login.
 */
@ApplicationModule(displayName = "Account", allowedDependencies = {})
package dev.roadmap.account;

import org.springframework.modulith.ApplicationModule;
