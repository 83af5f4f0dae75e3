/**
 * In-app notifications about reviews (a request, a comment, a decision) with the unread
 * count in the header, e-mailed when SMTP is configured and logged otherwise.
 */
@ApplicationModule(displayName = "Notification",
		allowedDependencies = { "account", "progress", "progress :: review", "mentoring", "roadmap" })
package dev.roadmap.notification;

import org.springframework.modulith.ApplicationModule;
