package dev.roadmap.account.login;

import java.time.Duration;
import java.time.Instant;

import dev.roadmap.account.rememberme.RememberMeTokens;
import dev.roadmap.shared.ScheduledRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes failed-login counts and remembered logins that are over, every
 * {@code roadmap.login.cleanup-interval}, once across all instances: each instance's
 * scheduler asks, and only the one that claims the round ({@code scheduled_job}) runs it.
 */
@Component
class LoginCleanup {

	private static final Logger logger = LoggerFactory.getLogger(LoginCleanup.class);

	private static final String JOB = "login-cleanup";

	private final LoginThrottle throttle;

	private final RememberMeTokens tokens;

	private final JdbcClient jdbc;

	private final Duration interval;

	LoginCleanup(LoginThrottle throttle, RememberMeTokens tokens, JdbcClient jdbc, LoginProperties properties) {
		this.throttle = throttle;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.interval = properties.cleanupInterval();
	}

	@Scheduled(fixedDelayString = "${roadmap.login.cleanup-interval:1h}",
			initialDelayString = "${roadmap.login.cleanup-interval:1h}")
	void onSchedule() {
		runIfDue();
	}

	/**
	 * Runs the clean-up if no instance has run it within the interval.
	 * @return whether this call ran it
	 */
	boolean runIfDue() {
		if (!ScheduledRounds.claim(this.jdbc, JOB, this.interval)) {
			return false;
		}
		int attempts = this.throttle.deleteExpired();
		int tokens = this.tokens.deleteExpired(Instant.now());
		logger.debug("Deleted {} expired failed-login counts and {} expired remembered logins", attempts, tokens);
		return true;
	}

}
