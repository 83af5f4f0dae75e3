package dev.roadmap.account;

import dev.roadmap.shared.RefusedInputException;

/**
 * A role change that was refused; nothing was changed. The reason says why; the problem,
 * of the field {@code roles}, is the admin user page's message for it,
 * {@code admin.user.error.REASON}, since that page is where roles change.
 */
public class RoleChangeException extends RefusedInputException {

	private final Reason reason;

	public RoleChangeException(Reason reason) {
		super("roles", "admin.user.error." + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a role change was refused.
	 */
	public enum Reason {

		/** The user does not exist. */
		NO_SUCH_USER,

		/** Every user keeps at least one role. */
		NO_ROLES,

		/** The change would leave nobody with the admin role. */
		LAST_ADMIN

	}

}
