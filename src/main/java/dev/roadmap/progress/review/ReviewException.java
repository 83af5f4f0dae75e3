package dev.roadmap.progress.review;

import java.util.Map;

/**
 * A review action that cannot be taken now; carries message keys for the page, by field
 * where a field is at fault.
 */
public class ReviewException extends RuntimeException {

	private final Map<String, String> problems;

	public ReviewException(String messageKey) {
		this(Map.of("", messageKey));
	}

	public ReviewException(Map<String, String> problems) {
		super(String.join(", ", problems.values()));
		this.problems = Map.copyOf(problems);
	}

	/**
	 * Message keys by field name; the empty field name means the whole form.
	 */
	public Map<String, String> problems() {
		return this.problems;
	}

}
