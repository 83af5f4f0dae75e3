package dev.roadmap.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says in words what is wrong with a request body that could not be read: the field that
 * is unknown or of the wrong type and what it takes, JSON that is not JSON, nesting past
 * the limit, no body at all. It names fields and types, never echoes the input back.
 */
final class UnreadableBodies {

	private UnreadableBodies() {
	}

	static String explain(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '" + unknown.getPropertyName() + "'" + known(unknown) + "; nothing changed.";
		}
		if (cause instanceof StreamConstraintsException) {
			return "The body is nested too deeply or too long to read; nothing changed.";
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
				&& text.indexOf('\0') >= 0) {
			return "Field '" + field(invalid)
					+ "' holds a NUL character (\\u0000), which text may not; nothing changed.";
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String field = field(mismatch);
			return (field.isEmpty() ? "The body" : "Field '" + field + "'") + " must be "
					+ expected(mismatch.getTargetType()) + "; nothing changed.";
		}
		if (cause instanceof JacksonException) {
			return "The body is not valid JSON; nothing changed.";
		}
		return "Send a JSON object as the body.";
	}

	private static String known(UnrecognizedPropertyException unknown) {
		if (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty()) {
			return "";
		}
		return " (this body takes " + unknown.getKnownPropertyIds()
			.stream()
			.map((id) -> "'" + id + "'")
			.sorted()
			.collect(Collectors.joining(", ")) + ")";
	}

	private static String field(MismatchedInputException mismatch) {
		return mismatch.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		return "a JSON object";
	}

}
