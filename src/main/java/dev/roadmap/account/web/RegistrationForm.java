package dev.roadmap.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the registration form sends.
 */
record RegistrationForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 80) String displayName,
		@NotBlank @Size(min = 12, max = 128) String password) {

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "");
	}

}
