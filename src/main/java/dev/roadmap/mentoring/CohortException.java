package dev.roadmap.mentoring;

/**
 * A cohort change that cannot be made; the message key says why, for the page to show.
 */
public class CohortException extends RuntimeException {

	private final String messageKey;

	public CohortException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
