/**
 * In-app notifications about reviews (a request, a comment, a decision) with the unread
 * count in the header, e-mailed when SMTP is configured and logged otherwise; and
 * webhooks, signed as Standard Webhooks says, queued in the transaction of what they tell
 * and delivered after it from a durable queue ({@code webhook}).
 */
@ApplicationModule(displayName = "Notification",
		allowedDependencies = { "account", "progress", "progress :: review", "mentoring", "roadmap" })
package dev.roadmap.notification;

import org.springframework.modulith.ApplicationModule;
