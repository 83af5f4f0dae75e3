package dev.roadmap.account.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks e-mail and password with the given provider, unless the account or the client
 * address is locked by the {@link LoginThrottle}, which counts the try before the check
 * and is told how it ended. A refused login never checks the password, whether the
 * account exists or not, so a lock neither confirms a password nor reveals an account.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final Counter failed;

	private final Counter refused;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, MeterRegistry meters) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.failed = outcome(meters, "failed");
		this.refused = outcome(meters, "locked");
	}

	private static Counter outcome(MeterRegistry meters, String outcome) {
		return Counter.builder("roadmap.logins")
			.description("Password logins that failed (a wrong e-mail or password) or were refused (locked)")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		LoginAttempt attempt;
		try {
			attempt = this.throttle.begin(authentication.getName(), address);
		}
		catch (LoginThrottledException ex) {
			this.refused.increment();
			throw ex;
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			attempt.succeeded();
			return result;
		}
		catch (BadCredentialsException ex) {
			// Also thrown for unknown e-mail addresses (after a dummy password check).
			this.failed.increment();
			attempt.failed().ifPresent((until) -> {
				throw new LoginThrottledException(until);
			});
			throw ex;
		}
		catch (RuntimeException ex) {
			attempt.abandoned();
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
