package dev.roadmap.account;

/**
 * What a user may do. Everyone who registers is a learner; mentors and admins are named
 * by an admin.
 */
public enum Role {

	LEARNER, MENTOR, ADMIN;

	/**
	 * The Spring Security authority for this role.
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
