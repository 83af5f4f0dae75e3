package dev.roadmap.shared;

import java.util.regex.Pattern;

/**
 * Text a user typed, as it is counted and stored. A browser sends a textarea's line
 * breaks as {@code "\r\n"} while its {@code maxlength} counts each as one character, so a
 * limit counted on what arrived refused text the page had allowed: every line break is
 * {@code "\n"} before anything counts it.
 */
public final class UserText {

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");

	private UserText() {
	}

	/**
	 * The text with every line break as {@code "\n"}, without surrounding white space;
	 * the empty string for none.
	 */
	public static String normalize(String text) {
		return (text != null) ? LINE_BREAK.matcher(text).replaceAll("\n").strip() : "";
	}

}
