package dev.roadmap.notification;

import java.util.Map;
import java.util.Optional;

import dev.roadmap.account.Account;
import dev.roadmap.account.PasswordResetRequested;
import dev.roadmap.notification.internal.Mails;
import dev.roadmap.notification.internal.Mails.Mail;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends password reset links by e-mail, in the transaction that stored the token. Without
 * SMTP, the zero-configuration default for local use and demos, the link is written to
 * the log at INFO instead, so whoever runs the app can still reset a password. A real
 * deployment configures SMTP; its logs then never hold a link.
 */
@Component
class PasswordResetMailer {

	private final Mails mails;

	PasswordResetMailer(Mails mails) {
		this.mails = mails;
	}

	@EventListener
	void on(PasswordResetRequested request) {
		Account account = request.account();
		String link = this.mails.link("/password-reset/" + request.token());
		this.mails.send("Password reset link for user " + account.id(), link, () -> Optional
			.of(new Mail(account.email(), this.mails.message("passwordReset.mail.subject"), "password-reset",
					Map.of("name", account.displayName(), "link", link, "minutes", request.validFor().toMinutes()))));
	}

}
