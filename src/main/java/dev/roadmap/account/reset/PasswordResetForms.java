package dev.roadmap.account.reset;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the password reset pages send: the address to send a link to, and the new
 * password. The password policy is checked by the service.
 */
final class PasswordResetForms {

	private PasswordResetForms() {
	}

	record PasswordResetRequestForm(@NotBlank @Email @Size(max = 254) String email) {

		PasswordResetRequestForm {
			email = (email != null) ? email.strip() : null;
		}

	}

	record NewPasswordForm(@NotNull String password) {
	}

}
