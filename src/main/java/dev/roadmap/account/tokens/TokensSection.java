package dev.roadmap.account.tokens;

import java.time.Instant;
import java.util.Arrays;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.TokenScope;
import dev.roadmap.account.settings.AccountPageSection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The personal access tokens' part of the account page: the user's tokens with their
 * scopes, expiry and last use, each with its revoke button, and the form for a new one
 * offering the scopes the user's roles allow.
 */
@Component
class TokensSection implements AccountPageSection {

	private final AccessTokenService tokens;

	TokensSection(AccessTokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	public void addTo(AccountPrincipal me, Model model) {
		model.addAttribute("accessTokens", this.tokens.tokensOf(me.id()));
		model.addAttribute("tokenScopes",
				Arrays.stream(TokenScope.values()).filter((scope) -> me.hasRole(scope.role())).toList());
		model.addAttribute("tokenExpiryChoices", AccessTokenService.EXPIRY_CHOICES);
		model.addAttribute("tokensNow", Instant.now());
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", TokenForm.empty());
		}
	}

}
