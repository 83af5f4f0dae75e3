package dev.roadmap.api;

import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.TokenScope;
import dev.roadmap.api.TokenAuthenticationFilter.TokenAuthenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who the token acts as, and what it may do: the first call to try a new token with.
 * Needs no scope. Also the answer of every unknown path under {@code /api/}: a problem,
 * not the pages' HTML error page.
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

	@RequestMapping("/api/**")
	void unknown() {
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such API resource.");
	}

	public record Me(long id, String displayName, List<String> scopes) {
	}

}
