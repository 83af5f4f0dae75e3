package dev.roadmap.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one hash for secrets kept only as their hash (password reset and remember-me
 * tokens, the login throttle's keys) and for reducing an over-long password before
 * bcrypt. A copy of the database then opens nothing: a hash does not give the token back.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] of(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * The hash of the text's UTF-8 bytes.
	 */
	public static byte[] of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The hash of the text's UTF-8 bytes as 64 lower-case hexadecimal digits.
	 */
	public static String hex(String text) {
		return HexFormat.of().formatHex(of(text));
	}

}
