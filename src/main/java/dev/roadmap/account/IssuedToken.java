package dev.roadmap.account;

import java.io.Serial;
import java.io.Serializable;

/**
 * A token just made: the secret its owner copies now, since it is never shown again, and
 * the name it was given. Serializable, because the account page shows it after a
 * redirect, from the session's flash attributes, once.
 */
public record IssuedToken(long id, String name, String secret) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String toString() {
		return "IssuedToken[id=" + this.id + ", name=" + this.name + "]";
	}

}
