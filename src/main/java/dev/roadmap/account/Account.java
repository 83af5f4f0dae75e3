package dev.roadmap.account;

import java.util.Set;

/**
 * A user as other modules see it.
 *
 * @param timeZone the zone the user counts days in, a region id such as
 * {@code Europe/Berlin}, or {@code UTC}
 */
public record Account(long id, String email, String displayName, Set<Role> roles, String timeZone) {

	public Account {
		roles = Set.copyOf(roles);
	}

}
