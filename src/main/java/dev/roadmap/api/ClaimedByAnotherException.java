package dev.roadmap.api;

import dev.roadmap.shared.RefusedInputException;

/**
 * A claim refused because another mentor holds a live claim on the request: answered 409,
 * naming them, where the page says so in a flash message.
 */
class ClaimedByAnotherException extends RefusedInputException {

	ClaimedByAnotherException(String holder) {
		super(WHOLE_FORM, "api.claimedByAnother", holder);
	}

}
