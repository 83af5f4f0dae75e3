package dev.roadmap.notification;

import java.time.Instant;
import java.util.Set;

/**
 * Where events are sent, and which.
 *
 * @param cohortId the cohort whose learners' events it gets, or null for the whole site
 * @param secret the signing secret ({@code whsec_} and base64), as the receiver needs it
 * @param consecutiveFailures failed tries since the last delivery that went through
 * @param pausedUntil when the next try may be, after failures; null when not resting
 */
public record WebhookEndpoint(long id, String url, String description, Long cohortId, Set<WebhookEvent> events,
		String secret, boolean active, Instant createdAt, int consecutiveFailures, Instant pausedUntil) {

	public WebhookEndpoint {
		events = Set.copyOf(events);
	}

	public boolean subscribedTo(WebhookEvent event) {
		return this.events.contains(event);
	}

}
