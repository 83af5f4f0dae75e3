package dev.roadmap.account.login;

import java.time.Instant;
import java.util.Optional;

import dev.roadmap.account.login.LoginThrottle.Count;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A login whose password is being checked, counted by the {@link LoginThrottle} as a
 * failure until it is told otherwise.
 */
final class LoginAttempt {

	// Logged under the throttle, whose locks these are.
	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private final LoginThrottle throttle;

	private final LoginProperties properties;

	private final String address;

	private final Count account;

	private final Count fromAddress;

	LoginAttempt(LoginThrottle throttle, LoginProperties properties, String address, Count account, Count fromAddress) {
		this.throttle = throttle;
		this.properties = properties;
		this.address = address;
		this.account = account;
		this.fromAddress = fromAddress;
	}

	/**
	 * The password was right: the account's failures are forgotten. The address keeps the
	 * failures it had: one good password must not let a sprayer start over.
	 */
	public void succeeded() {
		this.throttle.forget(this.account);
		if (this.fromAddress != null) {
			this.throttle.release(this.fromAddress);
		}
	}

	/**
	 * The password was wrong; it stays counted.
	 * @return when the account or the address may try again, if this failure locked
	 * either of them
	 */
	public Optional<Instant> failed() {
		Optional<Instant> addressLock = (this.fromAddress != null) ? this.fromAddress.lockedUntil() : Optional.empty();
		addressLock.ifPresent(
				(until) -> logger.warn("{} failed logins from {} within {}: logins from there are refused until {}",
						this.properties.maxFailuresPerAddress(), this.address, this.properties.failureWindow(), until));
		this.account.lockedUntil()
			.ifPresent((until) -> logger.warn(
					"{} failed logins for one e-mail address (the last from {}) within {}: its logins are refused until {}",
					this.properties.maxFailures(), (this.address != null) ? this.address : "an unknown address",
					this.properties.failureWindow(), until));
		return this.account.lockedUntil().isPresent() ? this.account.lockedUntil() : addressLock;
	}

	/**
	 * The password was never judged (the account is disabled, or the check broke down):
	 * the try is taken back.
	 */
	public void abandoned() {
		this.throttle.release(this.account);
		if (this.fromAddress != null) {
			this.throttle.release(this.fromAddress);
		}
	}

}
