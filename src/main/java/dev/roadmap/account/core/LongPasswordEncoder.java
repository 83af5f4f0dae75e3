package dev.roadmap.account.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.roadmap.shared.Sha256;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets passwords up to the policy's 128 characters work with bcrypt, which reads only 72
 * bytes (and which Spring Security refuses past 72 rather than truncate). A password of
 * up to 72 bytes in UTF-8 is hashed as before by the standard delegating encoder
 * ({@code {bcrypt}...}); a longer one is first reduced to the Base64 of its SHA-256 (44
 * bytes, every character of the password counting) and stored as
 * {@code {bcrypt-sha256}...}, the scheme Django and passlib use for the same reason.
 */
final class LongPasswordEncoder implements PasswordEncoder {

	static final String ID = "{bcrypt-sha256}";

	private static final int BCRYPT_MAX_BYTES = 72;

	private final PasswordEncoder standard;

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	LongPasswordEncoder(PasswordEncoder standard) {
		this.standard = standard;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (rawPassword == null || bytes(rawPassword).length <= BCRYPT_MAX_BYTES) {
			return this.standard.encode(rawPassword);
		}
		return ID + this.bcrypt.encode(preHash(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword != null && encodedPassword.startsWith(ID)) {
			return rawPassword != null
					&& this.bcrypt.matches(preHash(rawPassword), encodedPassword.substring(ID.length()));
		}
		return this.standard.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return encodedPassword != null && !encodedPassword.startsWith(ID)
				&& this.standard.upgradeEncoding(encodedPassword);
	}

	private static String preHash(CharSequence rawPassword) {
		return Base64.getEncoder().encodeToString(Sha256.of(bytes(rawPassword)));
	}

	private static byte[] bytes(CharSequence rawPassword) {
		return rawPassword.toString().getBytes(StandardCharsets.UTF_8);
	}

}
