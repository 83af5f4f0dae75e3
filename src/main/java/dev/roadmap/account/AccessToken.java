package dev.roadmap.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A personal access token as its owner sees it on the account page: never the token
 * itself, which is shown once when it is made and then only its hash is kept.
 */
public record AccessToken(long id, String name, Set<TokenScope> scopes, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, Instant revokedAt) {

	public AccessToken {
		scopes = Set.copyOf(scopes);
	}

	/**
	 * Whether the token still acts: neither revoked nor expired at that time.
	 */
	public boolean activeAt(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	/**
	 * The scopes in the order the account page lists them.
	 */
	public List<TokenScope> scopesInOrder() {
		return Arrays.stream(TokenScope.values()).filter(this.scopes::contains).toList();
	}

}
