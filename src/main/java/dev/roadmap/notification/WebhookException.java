package dev.roadmap.notification;

import dev.roadmap.shared.RefusedInputException;

/**
 * An endpoint refused as configured: its address, description or events.
 */
public class WebhookException extends RefusedInputException {

	public WebhookException(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

}
