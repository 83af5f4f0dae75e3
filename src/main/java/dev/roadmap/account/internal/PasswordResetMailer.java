package dev.roadmap.account.internal;

import java.util.Locale;
import java.util.concurrent.Executor;

import dev.roadmap.account.Account;
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
 * Sends password reset links once their token is committed: by e-mail when SMTP is
 * configured ({@code spring.mail.host}), on the application's task executor so the answer
 * to the request takes as long whether or not the address has an account. Without SMTP,
 * the zero-configuration default for local use and demos, the link is written to the log
 * at INFO instead, so whoever runs the app can still reset a password. A real deployment
 * configures SMTP; its logs then never hold a link.
 */
@Component
class PasswordResetMailer {

	private static final Logger logger = LoggerFactory.getLogger(PasswordResetMailer.class);

	private static final Locale LOCALE = Locale.ENGLISH;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MessageSource messages;

	private final Executor executor;

	private final String from;

	private final String baseUrl;

	PasswordResetMailer(ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
			@Qualifier("applicationTaskExecutor") Executor executor,
			@Value("${roadmap.mail.from:Backend Roadmap <no-reply@localhost>}") String from,
			@Value("${roadmap.base-url:http://localhost:8080}") String baseUrl) {
		this.mailSender = mailSender;
		this.messages = messages;
		this.executor = executor;
		this.from = from;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PasswordResetRequested request) {
		String link = this.baseUrl + "/password-reset/" + request.token();
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			logger.info("Password reset link for user {} (not e-mailed, no SMTP configured): {}",
					request.account().id(), link);
			return;
		}
		try {
			this.executor.execute(() -> send(sender, request.account(), link));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not e-mail a password reset link to user {}: {}", request.account().id(), ex.toString());
		}
	}

	private void send(JavaMailSender sender, Account account, String link) {
		try {
			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom(this.from);
			mail.setTo(account.email());
			mail.setSubject(message("passwordReset.mail.subject"));
			mail.setText(String.join("\n\n", message("passwordReset.mail.greeting", account.displayName()),
					message("passwordReset.mail.intro"), link,
					message("passwordReset.mail.validity", PasswordResetTokens.VALIDITY.toMinutes()),
					message("passwordReset.mail.ignore")) + "\n");
			sender.send(mail);
			logger.debug("E-mailed a password reset link to user {}", account.id());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not e-mail a password reset link to user {}: {}", account.id(), ex.toString());
		}
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, LOCALE);
	}

}
