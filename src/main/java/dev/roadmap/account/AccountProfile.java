package dev.roadmap.account;

import java.time.Instant;
import java.util.Set;

/**
 * A user's own view of their account, for the account page and the data export.
 *
 * @param timeZone the IANA time zone id the user chose, {@code UTC} by default
 */
public record AccountProfile(long id, String email, String displayName, Set<Role> roles, Instant createdAt,
		String timeZone) {

	public AccountProfile {
		roles = Set.copyOf(roles);
	}

}
