package dev.roadmap.account.login;

import java.io.Serial;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * Thrown instead of checking a password when the account or the client address has failed
 * too often. An {@code AccountStatusException}, so no other authentication provider is
 * asked after it.
 */
class LoginThrottledException extends LockedException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Instant retryAt;

	LoginThrottledException(Instant retryAt) {
		super("Too many failed logins: try again after " + retryAt);
		this.retryAt = retryAt;
	}

	Instant retryAt() {
		return this.retryAt;
	}

}
