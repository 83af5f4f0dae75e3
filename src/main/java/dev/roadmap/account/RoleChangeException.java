package dev.roadmap.account;

/**
 * A role change that was refused; nothing was changed. The reason says why, for the page
 * to explain.
 */
public class RoleChangeException extends RuntimeException {

	private final Reason reason;

	public RoleChangeException(Reason reason) {
		super("Role change refused: " + reason);
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
