package dev.roadmap.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roadmap.account.tokens.AccessTokens;
import dev.roadmap.shared.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens, with which a user's scripts call the JSON API as them. A token
 * is 32 random bytes, shown once when it is made; only its SHA-256 is stored (a token is
 * as random as a key, so a fast hash is enough: there is nothing to guess). It acts
 * within its scopes and its user's current roles until it expires (a year at most) or its
 * owner revokes it, and a revoked or expired token is refused on the next request.
 */
@Service
public class AccessTokenService {

	/** The prefix of every token, so that a secret scanner or a person can tell one. */
	public static final String PREFIX = "brt_";

	public static final int MAX_NAME_LENGTH = 80;

	/** The longest a token may live. */
	public static final int MAX_DAYS = 365;

	/** The lifetimes the account page offers, in days. */
	public static final List<Integer> EXPIRY_CHOICES = List.of(7, 30, 90, 365);

	/** Tokens a user may have acting at once. */
	public static final int MAX_ACTIVE = 20;

	/**
	 * Tokens the account page lists, newest first (revoked and expired ones included).
	 */
	public static final int LISTED = 50;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccessTokens tokens;

	private final Clock clock = Clock.systemUTC();

	AccessTokenService(AccessTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * Makes a token for the user.
	 * @param days how long it lives, 1 to {@link #MAX_DAYS}
	 * @param scopes what it may do, each allowed by one of the user's roles
	 * @throws AccessTokenException if one of those is wrong, or the user has
	 * {@link #MAX_ACTIVE} tokens acting already
	 */
	@Transactional
	public IssuedToken issue(AccountPrincipal owner, String name, int days, Set<TokenScope> scopes) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty()) {
			throw new AccessTokenException("name", "tokens.nameRequired");
		}
		if (trimmed.length() > MAX_NAME_LENGTH) {
			throw new AccessTokenException("name", "tokens.nameTooLong", MAX_NAME_LENGTH);
		}
		if (days < 1 || days > MAX_DAYS) {
			throw new AccessTokenException("expiresInDays", "tokens.expiryInvalid", MAX_DAYS);
		}
		if (scopes == null || scopes.isEmpty()) {
			throw new AccessTokenException("scopes", "tokens.scopesRequired");
		}
		if (scopes.stream().anyMatch((scope) -> !owner.hasRole(scope.role()))) {
			throw new AccessTokenException("scopes", "tokens.scopeNotAllowed");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (this.tokens.countActive(owner.id(), now) >= MAX_ACTIVE) {
			throw new AccessTokenException("", "tokens.tooMany", MAX_ACTIVE);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		long id = this.tokens.insert(owner.id(), trimmed, hash(secret), scopes, now, now.plus(Duration.ofDays(days)));
		return new IssuedToken(id, trimmed, secret);
	}

	/**
	 * The user's tokens, newest first, the {@link #LISTED} latest.
	 */
	@Transactional(readOnly = true)
	public List<AccessToken> tokensOf(long userId) {
		return this.tokens.of(userId, LISTED);
	}

	/**
	 * Revokes one of the user's tokens: from the next request on, it acts no more.
	 * @return whether there was such a token of theirs still acting
	 */
	@Transactional
	public boolean revoke(long userId, long tokenId) {
		return this.tokens.revoke(userId, tokenId, this.clock.instant());
	}

	/**
	 * Who a request that sends this token acts as, if anyone.
	 */
	public Optional<TokenAuthentication> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.authenticate(hash(secret));
	}

	private static byte[] hash(String secret) {
		return Sha256.of(secret);
	}

}
