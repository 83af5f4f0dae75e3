package dev.roadmap.shared;

import java.util.Locale;

/**
 * E-mail addresses as they are stored, looked up and counted: {@code " Ada@Example.ORG "}
 * and {@code "ada@example.org"} are one account, one login throttle, one reset request.
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/**
	 * The address without surrounding white space, in lower case; the empty string for
	 * none.
	 */
	public static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

}
