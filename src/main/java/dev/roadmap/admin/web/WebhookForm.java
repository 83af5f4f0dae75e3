package dev.roadmap.admin.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roadmap.notification.WebhookEvent;

/**
 * The form for a new webhook endpoint: its address, a description, the cohort whose
 * learners' events it gets (0 for the whole site) and the events ticked.
 */
public record WebhookForm(String url, String description, Long cohort, List<String> events) {

	static WebhookForm empty() {
		return new WebhookForm(null, null, 0L, List.of());
	}

	public boolean ticked(WebhookEvent event) {
		return this.events != null && this.events.contains(event.value());
	}

	/**
	 * The cohort chosen, or null for the whole site.
	 */
	public Long cohortId() {
		return (this.cohort == null || this.cohort == 0) ? null : this.cohort;
	}

	/**
	 * The events ticked that exist; any other value is ignored, as a box nobody can tick.
	 */
	Set<WebhookEvent> chosenEvents() {
		Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
		if (this.events != null) {
			this.events.stream().map(WebhookEvent::of).flatMap(Optional::stream).forEach(chosen::add);
		}
		return chosen;
	}

}
