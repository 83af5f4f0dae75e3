package dev.roadmap.mentoring;

import dev.roadmap.shared.RefusedInputException;

/**
 * A cohort change that cannot be made; the message key says why, for the page to show. It
 * names no field: what a form calls the cohort's name or its member is the form's
 * business.
 */
public class CohortException extends RefusedInputException {

	public CohortException(String messageKey) {
		super(WHOLE_FORM, messageKey);
	}

}
