package dev.roadmap.notification;

import java.util.Locale;
import java.util.concurrent.Executor;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-mails each notification once the transaction that stored it has committed, when SMTP
 * is configured ({@code spring.mail.host}); otherwise logs it. Mail goes out on the
 * application's task executor, so a slow or broken mail server never delays or fails the
 * action that caused it: a failure is logged as a warning, and the notification stays in
 * the app.
 */
@Component
class NotificationMailer {

	private static final Logger logger = LoggerFactory.getLogger(NotificationMailer.class);

	private static final Locale LOCALE = Locale.ENGLISH;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final AccountService accounts;

	private final MessageSource messages;

	private final Executor executor;

	private final String from;

	private final String baseUrl;

	NotificationMailer(ObjectProvider<JavaMailSender> mailSender, AccountService accounts, MessageSource messages,
			@Qualifier("applicationTaskExecutor") Executor executor,
			@Value("${roadmap.mail.from:Backend Roadmap <no-reply@localhost>}") String from,
			@Value("${roadmap.base-url:http://localhost:8080}") String baseUrl) {
		this.mailSender = mailSender;
		this.accounts = accounts;
		this.messages = messages;
		this.executor = executor;
		this.from = from;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NotificationCreated notification) {
		// Runs after the commit: whatever happens here must not reach the user's action.
		try {
			JavaMailSender sender = this.mailSender.getIfAvailable();
			String subject = message(notification.kind().messageKey(), notification.actorName(),
					notification.skillTitle());
			if (sender == null) {
				logger.info("Notification {} for user {} (not e-mailed, no SMTP configured): {}", notification.id(),
						notification.recipientId(), subject);
				return;
			}
			this.executor.execute(() -> send(sender, notification, subject));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not e-mail notification {} to user {}: {}", notification.id(),
					notification.recipientId(), ex.toString());
		}
	}

	private void send(JavaMailSender sender, NotificationCreated notification, String subject) {
		try {
			Account recipient = this.accounts.findById(notification.recipientId()).orElse(null);
			if (recipient == null) {
				return;
			}
			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom(this.from);
			mail.setTo(recipient.email());
			mail.setSubject(subject);
			mail.setText(body(recipient, notification, subject));
			sender.send(mail);
			logger.debug("E-mailed notification {} to user {}", notification.id(), notification.recipientId());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not e-mail notification {} to user {}: {}", notification.id(),
					notification.recipientId(), ex.toString());
		}
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
