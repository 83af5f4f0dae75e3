package dev.roadmap.notification.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one way an e-mail is written and sent: the subject from the messages, the body from
 * a Thymeleaf text template in {@code templates/mail/}, in English (users choose no
 * language yet), into the {@link MailOutbox} in the caller's transaction. Without SMTP
 * ({@code spring.mail.host} unset: local use and demos) nothing is written and the log
 * says at INFO what would have been sent.
 */
@Component
public class Mails {

	private static final Logger logger = LoggerFactory.getLogger(Mails.class);

	private static final Locale LOCALE = Locale.ENGLISH;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final MailProperties properties;

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	Mails(MailOutbox outbox, MessageSource messages, MailProperties properties) {
		this.outbox = outbox;
		this.messages = messages;
		this.properties = properties;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		// Not a bean: a second template engine bean would turn off Boot's for the pages.
		this.templates.setTemplateResolver(resolver);
		this.templates.setTemplateEngineMessageSource(messages);
	}

	/**
	 * Sends the mail, or without SMTP logs "{@code what} (not e-mailed, no SMTP
	 * configured): {@code detail}". The mail is made only when it will be sent, and may
	 * turn out to be none (a recipient who is gone).
	 */
	public void send(String what, String detail, Supplier<Optional<Mail>> mail) {
		if (!this.outbox.enabled()) {
			logger.info("{} (not e-mailed, no SMTP configured): {}", what, detail);
			return;
		}
		mail.get()
			.ifPresent((it) -> this.outbox.enqueue(it.to(), it.subject(),
					this.templates.process(it.template(), new Context(LOCALE, it.variables()))));
	}

	public String message(String key, Object... args) {
		return this.messages.getMessage(key, args, LOCALE);
	}

	/**
	 * An absolute link into the app, for a mail.
	 */
	public String link(String path) {
		return this.properties.link(path);
	}

	/**
	 * @param to the recipient's address
	 * @param subject the subject line
	 * @param template the body's template in {@code templates/mail/}, without
	 * {@code .txt}
	 * @param variables what the template shows
	 */
	public record Mail(String to, String subject, String template, Map<String, Object> variables) {

	}

}
