package dev.roadmap.account.tokens;

import java.util.List;

/**
 * The account page's form for a new personal access token: a name, a lifetime in days
 * (one of {@code AccessTokenService.EXPIRY_CHOICES}) and the scopes ticked.
 */
public record TokenForm(String name, Integer expiresInDays, List<String> scopes) {

	static TokenForm empty() {
		return new TokenForm(null, 30, List.of());
	}

	public boolean ticked(String scope) {
		return this.scopes != null && this.scopes.contains(scope);
	}

}
