package dev.roadmap.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (standardwebhooks.com): the secret is {@code whsec_} and the
 * base64 of its key; the signature of a message is {@code v1,} and the base64 of
 * HMAC-SHA256 over {@code id.timestamp.body}, sent as {@code webhook-signature} with
 * {@code webhook-id} and {@code webhook-timestamp} (seconds since the epoch), so a
 * receiver can check who sent it, that nothing changed it, and that it is not replayed
 * late.
 */
public final class WebhookSignature {

	public static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	/**
	 * A new secret: 24 random bytes.
	 */
	public static String newSecret() {
		byte[] key = new byte[24];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	public static String sign(String secret, String id, long timestamp, String body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
