/**
 * The JSON API under {@code /api/v1}, over the other modules' public services and with
 * their rules: one place decides who may see and do what, for pages and API alike. A
 * request authenticates with a personal access token ({@code Authorization: Bearer}),
 * never with the session cookie, and acts within the token's scopes and its user's
 * current roles; every error is an RFC 9457 problem with a stable {@code type}.
 */
@ApplicationModule(displayName = "API",
		allowedDependencies = { "account", "admin", "mentoring", "progress", "progress :: review", "roadmap" })
package dev.roadmap.api;

import org.springframework.modulith.ApplicationModule;
