package dev.roadmap.admin.internal;

import dev.roadmap.shared.RefusedInputException;

/**
 * An admin action that cannot be done; nothing was changed. The message key says why, for
 * the page to show.
 */
public class AdminException extends RefusedInputException {

	public AdminException(String messageKey) {
		super(WHOLE_FORM, messageKey);
	}

}
