package dev.roadmap.account;

import java.util.Set;

/**
 * A user as other modules see it.
 */
public record Account(long id, String email, String displayName, Set<Role> roles) {

	public Account {
		roles = Set.copyOf(roles);
	}

}
