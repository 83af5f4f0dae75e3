package dev.roadmap.admin;

import dev.roadmap.account.AccountPrincipal;

/**
 * The admin who does something, as the audit log records them.
 */
public record Actor(long id, String displayName, String email) {

	public static Actor of(AccountPrincipal principal) {
		return new Actor(principal.id(), principal.displayName(), principal.getUsername());
	}

}
