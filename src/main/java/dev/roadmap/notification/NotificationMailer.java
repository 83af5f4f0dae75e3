package dev.roadmap.notification;

import java.util.Locale;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.notification.internal.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * E-mails each notification when SMTP is configured ({@code spring.mail.host}); otherwise
 * logs it. The mail goes into the {@link MailOutbox} in the transaction that stores the
 * notification, so it is sent once that commits, whatever happens to this instance, and a
 * slow or broken mail server never delays or fails the action that caused it.
 */
@Component
class NotificationMailer {

	private static final Logger logger = LoggerFactory.getLogger(NotificationMailer.class);

	private static final Locale LOCALE = Locale.ENGLISH;

	private final MailOutbox outbox;

	private final AccountService accounts;

	private final MessageSource messages;

	private final String baseUrl;

	NotificationMailer(MailOutbox outbox, AccountService accounts, MessageSource messages,
			@Value("${roadmap.base-url:http://localhost:8080}") String baseUrl) {
		this.outbox = outbox;
		this.accounts = accounts;
		this.messages = messages;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@EventListener
	void on(NotificationCreated notification) {
		String subject = message(notification.kind().messageKey(), notification.actorName(), notification.skillTitle());
		if (!this.outbox.enabled()) {
			logger.info("Notification {} for user {} (not e-mailed, no SMTP configured): {}", notification.id(),
					notification.recipientId(), subject);
			return;
		}
		this.accounts.findById(notification.recipientId())
			.ifPresent((recipient) -> this.outbox.enqueue(recipient.email(), subject,
					body(recipient, notification, subject)));
	}

	private String body(Account recipient, NotificationCreated notification, String subject) {
		return String.join("\n\n", message("notification.mail.greeting", recipient.displayName()), subject + ".",
				message("notification.mail.open", this.baseUrl + "/notifications/" + notification.id()),
				message("notification.mail.footer", this.baseUrl + "/notifications")) + "\n";
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, LOCALE);
	}

}
