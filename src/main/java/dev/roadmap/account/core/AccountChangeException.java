package dev.roadmap.account.core;

import dev.roadmap.shared.RefusedInputException;

/**
 * A change to one's own account that was refused; nothing was changed. Names the form
 * field at fault and the message key explaining why.
 */
public class AccountChangeException extends RefusedInputException {

	public AccountChangeException(String field, String messageKey) {
		super(field, messageKey);
	}

}
