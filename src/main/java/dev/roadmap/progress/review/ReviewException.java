package dev.roadmap.progress.review;

import java.util.Map;

import dev.roadmap.shared.RefusedInputException;

/**
 * A review action that cannot be taken now; carries message keys for the page, by field
 * where a field is at fault.
 */
public class ReviewException extends RefusedInputException {

	public ReviewException(String messageKey) {
		super(WHOLE_FORM, messageKey);
	}

	public ReviewException(Map<String, String> problems) {
		super(problems);
	}

}
