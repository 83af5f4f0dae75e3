package dev.roadmap.account;

/**
 * Thrown when someone registers with an e-mail address that already has an account.
 */
public class EmailAlreadyRegisteredException extends RuntimeException {

	public EmailAlreadyRegisteredException(String email) {
		super("An account already exists for " + email);
	}

}
