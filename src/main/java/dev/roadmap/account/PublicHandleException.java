package dev.roadmap.account;

/**
 * A public page change that was refused because of its handle; nothing was changed. The
 * message key says why.
 */
public class PublicHandleException extends RuntimeException {

	private final String messageKey;

	public PublicHandleException(String messageKey) {
		super("Public handle refused: " + messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
