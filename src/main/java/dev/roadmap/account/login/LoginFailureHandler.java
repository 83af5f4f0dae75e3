package dev.roadmap.account.login;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed login back to the login page: {@code /login?error} for a wrong e-mail or
 * password (the same for both), {@code /login?locked={minutes}} when the account or the
 * client address is locked, so the page can say when to try again. Nothing is put in the
 * session.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final Clock clock;

	LoginFailureHandler(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof LoginThrottledException locked) {
			this.redirects.sendRedirect(request, response, "/login?locked=" + minutesUntil(locked));
		}
		else {
			this.redirects.sendRedirect(request, response, "/login?error");
		}
	}

	private long minutesUntil(LoginThrottledException locked) {
		long seconds = Duration.between(this.clock.instant(), locked.retryAt()).toSeconds();
		return Math.max(1, (seconds + 59) / 60);
	}

}
