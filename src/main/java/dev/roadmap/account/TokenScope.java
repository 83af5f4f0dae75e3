package dev.roadmap.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a personal access token may do through the API, each within what its user may do
 * anyway: a token scoped {@code mentoring:read} of a user who is no longer a mentor reads
 * nothing.
 */
public enum TokenScope {

	PROGRESS_READ("progress:read", Role.LEARNER), PROGRESS_WRITE("progress:write", Role.LEARNER),
	REVIEWS_WRITE("reviews:write", Role.LEARNER), MENTORING_READ("mentoring:read", Role.MENTOR),
	MENTORING_WRITE("mentoring:write", Role.MENTOR);

	private final String value;

	private final Role role;

	TokenScope(String value, Role role) {
		this.value = value;
		this.role = role;
	}

	/**
	 * The scope as the API and the account page name it, such as {@code progress:read}.
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The role a user needs to give a token this scope.
	 */
	public Role role() {
		return this.role;
	}

	/**
	 * The Spring Security authority a request made with a token of this scope has.
	 */
	public String authority() {
		return "SCOPE_" + this.value;
	}

	public static Optional<TokenScope> of(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

}
