package dev.roadmap.account;

import dev.roadmap.shared.RefusedInputException;

/**
 * A public page change that was refused because of its handle (the field {@code handle});
 * nothing was changed. The message key says why.
 */
public class PublicHandleException extends RefusedInputException {

	public PublicHandleException(String messageKey) {
		super("handle", messageKey);
	}

}
