package dev.roadmap.account.internal;

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

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		LoginThrottle.Attempt attempt = this.throttle.begin(authentication.getName(), address);
		try {
			Authentication result = this.passwords.authenticate(authentication);
			attempt.succeeded();
			return result;
		}
		catch (BadCredentialsException ex) {
			// Also thrown for unknown e-mail addresses (after a dummy password check).
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
