package dev.roadmap.account;

import dev.roadmap.shared.RefusedInputException;

/**
 * Thrown when someone registers with an e-mail address that already has an account: the
 * field {@code email}, {@code registration.emailTaken}.
 */
public class EmailAlreadyRegisteredException extends RefusedInputException {

	public EmailAlreadyRegisteredException() {
		super("email", "registration.emailTaken");
	}

}
