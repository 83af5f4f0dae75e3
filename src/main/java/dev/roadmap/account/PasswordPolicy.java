package dev.roadmap.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 to 128 characters (counted as Unicode code points, so
 * an emoji is one), and not on the list of common passwords shipped with the app
 * ({@code security/common-passwords.txt}), compared ignoring case and surrounding spaces.
 * Nothing else: no rules about digits or symbols, which make passwords harder to remember
 * and no harder to guess.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	/** Message key: shorter than {@value #MIN_LENGTH} characters. */
	public static final String TOO_SHORT = "password.tooShort";

	/** Message key: longer than {@value #MAX_LENGTH} characters. */
	public static final String TOO_LONG = "password.tooLong";

	/** Message key: on the list of common passwords. */
	public static final String COMMON = "password.common";

	static final String LIST = "security/common-passwords.txt";

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = read(new ClassPathResource(LIST));
	}

	/**
	 * Why the password is not acceptable, as a message key, or empty when it is fine.
	 */
	public Optional<String> violation(String password) {
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < MIN_LENGTH) {
			return Optional.of(TOO_SHORT);
		}
		if (length > MAX_LENGTH) {
			return Optional.of(TOO_LONG);
		}
		if (isCommon(password)) {
			return Optional.of(COMMON);
		}
		return Optional.empty();
	}

	/**
	 * Whether the password is on the list of common passwords, ignoring case and
	 * surrounding spaces.
	 */
	public boolean isCommon(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		return this.common.contains(lower) || this.common.contains(lower.strip());
	}

	private static Set<String> read(ClassPathResource resource) {
		Set<String> passwords = new HashSet<>(16_384);
		try (InputStream in = resource.getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the list of common passwords " + LIST, ex);
		}
		if (passwords.isEmpty()) {
			throw new IllegalStateException("The list of common passwords " + LIST + " is empty");
		}
		return Set.copyOf(passwords);
	}

}
