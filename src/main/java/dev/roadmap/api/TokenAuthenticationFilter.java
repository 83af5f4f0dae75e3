package dev.roadmap.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.TokenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request by its {@code Authorization: Bearer} token, read anew on
 * every request, so a revoked or expired token, or a user who lost a role, is refused on
 * the next one. A request without the header goes on anonymous (the roadmap is public);
 * one with a header that is not a valid token is refused at once (401), never treated as
 * anonymous. The authorities are the user's roles and those of the token's scopes that
 * the roles still allow. Each token may make so many requests a minute
 * ({@link TokenRateLimits}); past that, 429 with {@code Retry-After}.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final AccessTokenService tokens;

	private final TokenRateLimits limits;

	TokenAuthenticationFilter(AccessTokenService tokens, TokenRateLimits limits) {
		this.tokens = tokens;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<TokenAuthentication> authentication = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				? this.tokens.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
		if (authentication.isEmpty()) {
			ProblemResponses.write(response, ApiProblem.INVALID_TOKEN,
					"Send a personal access token that is neither expired nor revoked as 'Authorization: Bearer <token>'.",
					"Bearer error=\"invalid_token\"");
			return;
		}
		long retryAfter = this.limits.take(authentication.get().tokenId());
		if (retryAfter > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			ProblemResponses.write(response, ApiProblem.RATE_LIMITED, "This token may make " + this.limits.perMinute()
					+ " requests a minute; retry in " + retryAfter + " s.", null);
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(new TokenAuthenticated(authentication.get()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * A request authenticated by a token: the principal is the token's user, as pages
	 * have it, so controllers and services check what they check for pages.
	 */
	static final class TokenAuthenticated extends AbstractAuthenticationToken {

		private final transient TokenAuthentication token;

		TokenAuthenticated(TokenAuthentication token) {
			super(authorities(token));
			this.token = token;
			setAuthenticated(true);
		}

		private static List<GrantedAuthority> authorities(TokenAuthentication token) {
			List<GrantedAuthority> authorities = new ArrayList<>(token.principal().getAuthorities());
			token.scopes()
				.stream()
				.filter((scope) -> token.principal().hasRole(scope.role()))
				.forEach((scope) -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
			return authorities;
		}

		TokenAuthentication token() {
			return this.token;
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return this.token.principal();
		}

	}

}
