package dev.roadmap.account.rememberme;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountSessions;
import dev.roadmap.account.core.Users;
import dev.roadmap.shared.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.log.LogMessage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * "Keep me logged in" with persistent tokens, as Spring Security's
 * {@code PersistentTokenBasedRememberMeServices} does (a series per browser, a new token
 * at every use, a reused old token taken for a stolen cookie), except that only the
 * SHA-256 of each token is stored and compared, in constant time. A copy of the table
 * therefore logs nobody in.
 * <ul>
 * <li>The cookie lasts {@code roadmap.login.remember-me.validity} from the login, however
 * often it is used; then the password is asked again.</li>
 * <li>Two requests sent at once with the same cookie both succeed: the token replaced at
 * the last use is accepted for {@code rotation-grace} more, without a new cookie.</li>
 * <li>An older token, or the replaced one after that, means someone else has used the
 * cookie: every session and remembered login of the user ends, and they log in
 * again.</li>
 * <li>Logging out forgets this browser; logging out everywhere forgets them all.</li>
 * </ul>
 */
public class HashedTokenRememberMeServices extends AbstractRememberMeServices {

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final RememberMeTokens tokens;

	private final Users users;

	private final AccountSessions sessions;

	private final Duration validity;

	private final Duration rotationGrace;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param validity how long after the login the cookie lasts
	 * @param rotationGrace how long a replaced token is still accepted
	 */
	public HashedTokenRememberMeServices(String key, UserDetailsService userDetailsService, RememberMeTokens tokens,
			Users users, AccountSessions sessions, Duration validity, Duration rotationGrace, Clock clock) {
		super(key, userDetailsService);
		this.tokens = tokens;
		this.users = users;
		this.sessions = sessions;
		this.validity = validity;
		this.rotationGrace = rotationGrace;
		this.clock = clock;
		setTokenValiditySeconds(seconds(this.validity));
		setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
	}

	@Override
	protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			this.logger.debug("Not remembering a login that is not an account's");
			return;
		}
		String series = randomValue(16);
		String token = randomValue(32);
		Instant now = this.clock.instant();
		this.tokens.insert(series, principal.id(), Sha256.of(token), now, now.plus(this.validity));
		setCookie(new String[] { series, token }, seconds(this.validity), request, response);
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
			HttpServletResponse response) {
		if (cookieTokens.length != 2) {
			throw new InvalidCookieException("A remember-me cookie holds a series and a token");
		}
		String series = cookieTokens[0];
		byte[] presented = Sha256.of(cookieTokens[1]);
		Instant now = this.clock.instant();
		RememberMeTokens.Token stored = this.tokens.find(series).orElseThrow(RememberMeTokenUnknownException::new);
		if (!stored.expiresAt().isAfter(now)) {
			this.tokens.delete(series);
			throw new RememberMeAuthenticationException("The remembered login has expired");
		}
		if (MessageDigest.isEqual(presented, stored.tokenHash())) {
			String next = randomValue(32);
			if (this.tokens.rotate(series, stored.tokenHash(), Sha256.of(next), now)) {
				setCookie(new String[] { series, next }, seconds(Duration.between(now, stored.expiresAt())), request,
						response);
				return principal(stored.userId());
			}
			// Another request rotated it a moment ago: judge by what it left.
			stored = this.tokens.find(series).orElseThrow(RememberMeTokenUnknownException::new);
		}
		if (stored.previousTokenHash() != null && MessageDigest.isEqual(presented, stored.previousTokenHash())
				&& stored.rotatedAt() != null && stored.rotatedAt().plus(this.rotationGrace).isAfter(now)) {
			// Sent together with the request that rotated it: no new cookie, so the
			// browser keeps the newest one.
			return principal(stored.userId());
		}
		this.sessions.logOutEverywhere(stored.userId());
		throw new CookieTheftException("A replaced remember-me token was used again: the cookie may have been stolen");
	}

	@Override
	public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
		try {
			return super.autoLogin(request, response);
		}
		catch (CookieTheftException ex) {
			// The cookie is cancelled and every login of the user has ended: the visitor
			// carries on anonymously instead of seeing an error page.
			this.logger.warn(LogMessage.format("%s; all sessions and remembered logins of the user have ended",
					ex.getMessage()));
			return null;
		}
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		String cookie = extractRememberMeCookie(request);
		if (cookie != null && !cookie.isEmpty()) {
			try {
				String[] cookieTokens = decodeCookie(cookie);
				if (cookieTokens.length == 2) {
					this.tokens.delete(cookieTokens[0]);
				}
			}
			catch (InvalidCookieException ex) {
				// nothing stored can match it
			}
		}
		super.logout(request, response, authentication);
	}

	private UserDetails principal(long userId) {
		return this.users.findById(userId)
			.map((user) -> new AccountPrincipal(user.toAccount(), null))
			.orElseThrow(() -> new UsernameNotFoundException("The remembered account no longer exists"));
	}

	private String randomValue(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return BASE64.encodeToString(value);
	}

	private static int seconds(Duration duration) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toSeconds()));
	}

	private static final class RememberMeTokenUnknownException extends RememberMeAuthenticationException {

		private static final long serialVersionUID = 1L;

		RememberMeTokenUnknownException() {
			super("No remembered login for this cookie");
		}

	}

}
