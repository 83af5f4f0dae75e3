package dev.roadmap.account.tokens;

import dev.roadmap.account.PersonalData;

import org.springframework.stereotype.Component;

/**
 * The user's personal access tokens in their export (names, scopes and dates: never a
 * token nor its hash), and deleted with their account, so none acts after it.
 */
@Component
class AccessTokenPersonalData implements PersonalData {

	private final AccessTokens tokens;

	AccessTokenPersonalData(AccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public String name() {
		return "accessTokens";
	}

	@Override
	public Object export(long userId) {
		return this.tokens.of(userId, Integer.MAX_VALUE);
	}

	@Override
	public void erase(long userId) {
		this.tokens.deleteAll(userId);
	}

}
