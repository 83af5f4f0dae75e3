package dev.roadmap.account;

import java.util.Set;

/**
 * Who a request with a valid token acts as: the token's user as they are now (roles read
 * with the token, not when it was made), the token, and its scopes.
 */
public record TokenAuthentication(AccountPrincipal principal, long tokenId, String tokenName, Set<TokenScope> scopes) {

	public TokenAuthentication {
		scopes = Set.copyOf(scopes);
	}

}
