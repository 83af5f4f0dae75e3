package dev.roadmap.account.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes failed-login counts and remembered logins that are over, every
 * {@code roadmap.login.cleanup-interval}. Each instance runs it; the deletes are
 * idempotent, so that is harmless.
 */
@Component
class LoginCleanup {

	private static final Logger logger = LoggerFactory.getLogger(LoginCleanup.class);

	private final LoginThrottle throttle;

	private final RememberMeTokens tokens;

	LoginCleanup(LoginThrottle throttle, RememberMeTokens tokens) {
		this.throttle = throttle;
		this.tokens = tokens;
	}

	@Scheduled(fixedDelayString = "${roadmap.login.cleanup-interval:1h}",
			initialDelayString = "${roadmap.login.cleanup-interval:1h}")
	void deleteExpired() {
		int attempts = this.throttle.deleteExpired();
		int tokens = this.tokens.deleteExpired(Instant.now());
		logger.debug("Deleted {} expired failed-login counts and {} expired remembered logins", attempts, tokens);
	}

}
