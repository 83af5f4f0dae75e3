package dev.roadmap.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an endpoint can subscribe to; {@link #value()} is the payload's {@code type}.
 */
public enum WebhookEvent {

	REVIEW_REQUESTED("review.requested"), REVIEW_COMMENTED("review.commented"), REVIEW_DECIDED("review.decided"),
	SKILL_STATUS_CHANGED("skill.status_changed"), LEARNER_STUCK("learner.stuck");

	/**
	 * The type of the event "send test event" sends: to one endpoint, subscribed or not.
	 */
	public static final String TEST = "webhook.test";

	private final String value;

	WebhookEvent(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static Optional<WebhookEvent> of(String value) {
		return Arrays.stream(values()).filter((event) -> event.value.equals(value)).findFirst();
	}

}
