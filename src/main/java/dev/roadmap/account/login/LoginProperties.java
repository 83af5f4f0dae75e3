package dev.roadmap.account.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How hard logging in is guarded ({@code roadmap.login.*}).
 *
 * @param maxFailures failed logins for one account (e-mail address) within
 * {@code failureWindow} that lock it
 * @param maxFailuresPerAddress failed logins from one client address (an IPv6 /64 network
 * counts as one address) within {@code failureWindow} that lock that address, against
 * password spraying
 * @param failureWindow how long failures are counted
 * @param lockDuration how long a locked account or address is refused
 * @param rememberMe the "keep me logged in" cookie
 * @param cleanupInterval how often expired failed-login counts and remembered logins are
 * deleted
 */
@ConfigurationProperties("roadmap.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("50") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration failureWindow, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue RememberMe rememberMe, @DefaultValue("1h") Duration cleanupInterval) {

	public LoginProperties {
		Assert.isTrue(maxFailures > 0, "roadmap.login.max-failures must be positive");
		Assert.isTrue(maxFailuresPerAddress > 0, "roadmap.login.max-failures-per-address must be positive");
		Assert.isTrue(!failureWindow.isNegative() && !failureWindow.isZero(),
				"roadmap.login.failure-window must be positive");
		Assert.isTrue(!lockDuration.isNegative() && !lockDuration.isZero(),
				"roadmap.login.lock-duration must be positive");
		Assert.isTrue(!cleanupInterval.isNegative() && !cleanupInterval.isZero(),
				"roadmap.login.cleanup-interval must be positive");
	}

	/**
	 * The "keep me logged in" cookie.
	 *
	 * @param validity how long after ticking the box the browser stays logged in, however
	 * often it is used; then the password is asked again
	 * @param rotationGrace how long the token replaced at the last use is still accepted,
	 * for requests the browser sent at the same time with the same cookie
	 */
	public record RememberMe(@DefaultValue("14d") Duration validity, @DefaultValue("30s") Duration rotationGrace) {

		public RememberMe {
			Assert.isTrue(!validity.isNegative() && !validity.isZero(),
					"roadmap.login.remember-me.validity must be positive");
			Assert.isTrue(!rotationGrace.isNegative(), "roadmap.login.remember-me.rotation-grace must not be negative");
		}

	}

}
