package dev.roadmap.admin.internal;

/**
 * An admin action that cannot be done; nothing was changed. The message key says why, for
 * the page to show.
 */
public class AdminException extends RuntimeException {

	private final String messageKey;

	public AdminException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
