package dev.roadmap.account.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes failed-login counts that are over, every
 * {@code roadmap.login.cleanup-interval}. Each instance runs it; the deletes are
 * idempotent, so that is harmless.
 */
@Component
class LoginCleanup {

	private static final Logger logger = LoggerFactory.getLogger(LoginCleanup.class);

	private final LoginThrottle throttle;

	LoginCleanup(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Scheduled(fixedDelayString = "${roadmap.login.cleanup-interval:1h}",
			initialDelayString = "${roadmap.login.cleanup-interval:1h}")
	void deleteExpired() {
		int attempts = this.throttle.deleteExpired();
		logger.debug("Deleted {} expired failed-login counts", attempts);
	}

}
