package dev.roadmap.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input a service refused; nothing was changed. Carries message keys by field, for the
 * page to show next to the fields at fault: the empty field name ({@link #WHOLE_FORM})
 * means the whole form. Each module says what it refuses with a subclass of its own
 * ({@code ReviewException}, {@code CohortException}, ...); the web layer answers every
 * one the same way, through the page the action names with {@link OnRefusal}.
 */
public class RefusedInputException extends RuntimeException {

	/** The field name of a problem with the whole form rather than one field. */
	public static final String WHOLE_FORM = "";

	private final Map<String, String> problems;

	private final Object[] arguments;

	/**
	 * One problem.
	 * @param field the form field at fault, or {@link #WHOLE_FORM}
	 * @param messageKey the message explaining why
	 * @param arguments the message's arguments, if it has any
	 */
	public RefusedInputException(String field, String messageKey, Object... arguments) {
		this(Map.of(field, messageKey), arguments);
	}

	/**
	 * Several problems at once, each field with its message key, in the given order.
	 */
	public RefusedInputException(Map<String, String> problems, Object... arguments) {
		super(String.join(", ", problems.values()));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("Refused input names at least one problem");
		}
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
		this.arguments = arguments.clone();
	}

	/**
	 * Message keys by field name; the empty field name means the whole form.
	 */
	public Map<String, String> problems() {
		return this.problems;
	}

	/**
	 * The message key of the (first) problem.
	 */
	public String messageKey() {
		return this.problems.values().iterator().next();
	}

	/**
	 * The arguments of the messages; none for most.
	 */
	public Object[] arguments() {
		return this.arguments.clone();
	}

}
