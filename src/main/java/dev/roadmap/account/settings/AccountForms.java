package dev.roadmap.account.settings;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the small forms of the account page send. Passwords are never sent back to the
 * page; the password policy is checked by the service.
 */
final class AccountForms {

	private AccountForms() {
	}

	record DisplayNameForm(@NotBlank @Size(max = 80) String displayName) {
	}

	record EmailForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank String currentPassword) {

		EmailForm {
			email = (email != null) ? email.strip() : null;
		}

	}

	record TimeZoneForm(@NotBlank String timeZone) {
	}

	record PasswordChangeForm(@NotBlank String currentPassword, @NotNull String newPassword) {
	}

	record DeleteAccountForm(@NotBlank String currentPassword, @NotBlank String confirmation) {
	}

}
