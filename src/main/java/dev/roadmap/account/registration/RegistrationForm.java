package dev.roadmap.account.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the registration form sends. The password is checked against the
 * {@link dev.roadmap.account.PasswordPolicy} by the controller.
 */
record RegistrationForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 80) String displayName,
		@NotNull String password) {

	RegistrationForm {
		// A pasted address often carries spaces around it; they are never part of it.
		email = (email != null) ? email.strip() : null;
	}

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "");
	}

}
