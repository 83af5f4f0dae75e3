package dev.roadmap.notification;

import java.util.Locale;

import dev.roadmap.account.Account;
import dev.roadmap.account.PasswordResetRequested;
import dev.roadmap.notification.internal.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends password reset links: by e-mail through the {@link MailOutbox}, in the
 * transaction that stored the token, when SMTP is configured ({@code spring.mail.host}).
 * Without SMTP, the zero-configuration default for local use and demos, the link is
 * written to the log at INFO instead, so whoever runs the app can still reset a password.
 * A real deployment configures SMTP; its logs then never hold a link.
 */
@Component
class PasswordResetMailer {

	private static final Logger logger = LoggerFactory.getLogger(PasswordResetMailer.class);

	private static final Locale LOCALE = Locale.ENGLISH;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final String baseUrl;

	PasswordResetMailer(MailOutbox outbox, MessageSource messages,
			@Value("${roadmap.base-url:http://localhost:8080}") String baseUrl) {
		this.outbox = outbox;
		this.messages = messages;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@EventListener
	void on(PasswordResetRequested request) {
		Account account = request.account();
		String link = this.baseUrl + "/password-reset/" + request.token();
		if (!this.outbox.enabled()) {
			logger.info("Password reset link for user {} (not e-mailed, no SMTP configured): {}", account.id(), link);
			return;
		}
		this.outbox.enqueue(account.email(), message("passwordReset.mail.subject"),
				String.join("\n\n", message("passwordReset.mail.greeting", account.displayName()),
						message("passwordReset.mail.intro"), link,
						message("passwordReset.mail.validity", request.validFor().toMinutes()),
						message("passwordReset.mail.ignore")) + "\n");
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, LOCALE);
	}

}
