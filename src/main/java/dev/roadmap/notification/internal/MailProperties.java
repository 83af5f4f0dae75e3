package dev.roadmap.notification.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * What the e-mails need ({@code roadmap.base-url}, {@code roadmap.mail.*}); the mail
 * server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param baseUrl the app's public address, for the links in e-mails
 * @param mail the sender and the outbox
 */
@ConfigurationProperties("roadmap")
public record MailProperties(@DefaultValue("http://localhost:8080") URI baseUrl, @DefaultValue Mail mail) {

	public MailProperties {
		Assert.isTrue(baseUrl.isAbsolute() && baseUrl.getHost() != null,
				"roadmap.base-url must be an absolute address, such as https://roadmap.example.org");
	}

	/**
	 * A link into the app: the base address (without its trailing slashes) and the path.
	 */
	public String link(String path) {
		return this.baseUrl.toString().replaceAll("/+$", "") + path;
	}

	/**
	 * @param from the sender of every e-mail
	 * @param outboxPollInterval how often each instance sends what is due from the outbox
	 */
	public record Mail(@DefaultValue("Backend Roadmap <no-reply@localhost>") String from,
			@DefaultValue("2s") Duration outboxPollInterval) {

		public Mail {
			Assert.hasText(from, "roadmap.mail.from must name a sender");
			Assert.isTrue(!outboxPollInterval.isNegative() && !outboxPollInterval.isZero(),
					"roadmap.mail.outbox-poll-interval must be positive");
		}

	}

}
