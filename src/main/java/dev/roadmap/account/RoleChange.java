package dev.roadmap.account;

import java.util.Set;

/**
 * The outcome of changing a user's roles: the account as it is now, and its roles before
 * and after.
 */
public record RoleChange(Account account, Set<Role> before, Set<Role> after) {

	public RoleChange {
		before = Set.copyOf(before);
		after = Set.copyOf(after);
	}

	/**
	 * Whether anything changed; asking for the roles a user already has changes nothing.
	 */
	public boolean changed() {
		return !this.before.equals(this.after);
	}

}
