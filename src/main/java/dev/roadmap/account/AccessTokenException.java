package dev.roadmap.account;

import dev.roadmap.shared.RefusedInputException;

/**
 * A personal access token that was not made: the field at fault ({@code name},
 * {@code expiresInDays}, {@code scopes}, or the whole form) and the message key saying
 * why. Nothing was changed.
 */
public class AccessTokenException extends RefusedInputException {

	public AccessTokenException(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

}
