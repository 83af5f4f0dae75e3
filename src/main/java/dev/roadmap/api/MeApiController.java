package dev.roadmap.api;

import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.TokenScope;
import dev.roadmap.api.TokenAuthenticationFilter.TokenAuthenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the token acts as, and what it may do: the first call to try a new token with.
 * Needs no scope.
 */
@RestController
@Tag(name = "Me", description = "Who the token acts as")
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class MeApiController {

	@Operation(summary = "The token's user and the scopes it acts with (no scope needed)")
	@GetMapping("/api/v1/me")
	Me me(Authentication authentication) {
		TokenAuthenticated token = (TokenAuthenticated) authentication;
		AccountPrincipal me = (AccountPrincipal) token.getPrincipal();
		return new Me(me.id(), me.displayName(),
				token.token()
					.scopes()
					.stream()
					.filter((scope) -> me.hasRole(scope.role()))
					.map(TokenScope::value)
					.sorted()
					.toList());
	}

	public record Me(long id, String displayName, List<String> scopes) {
	}

}
