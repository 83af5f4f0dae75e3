package dev.roadmap.notification;

import java.time.Instant;

/**
 * One event on its way to one endpoint, with how its last try went.
 *
 * @param state {@code PENDING} (to be tried, or tried again at {@code nextAttemptAt}),
 * {@code DELIVERED} or {@code FAILED} (given up)
 * @param lastStatus the HTTP status of the last try, null if none answered
 * @param lastDurationMs how long the last try took
 * @param lastError why the last try failed, if it did without an answer
 */
public record WebhookDelivery(long id, String eventType, Instant createdAt, String state, int attempts,
		Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, Integer lastDurationMs, String lastError,
		Instant deliveredAt) {

	public boolean pending() {
		return "PENDING".equals(this.state);
	}

	public boolean delivered() {
		return "DELIVERED".equals(this.state);
	}

}
