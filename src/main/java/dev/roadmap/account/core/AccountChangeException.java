package dev.roadmap.account.core;

/**
 * A change to one's own account that was refused; nothing was changed. Names the form
 * field at fault and the message key explaining why.
 */
public class AccountChangeException extends RuntimeException {

	private final String field;

	private final String messageKey;

	public AccountChangeException(String field, String messageKey) {
		super("Account change refused: " + field + " " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
