package dev.roadmap.notification;

import java.util.Map;

import dev.roadmap.account.AccountService;
import dev.roadmap.notification.internal.Mails;
import dev.roadmap.notification.internal.Mails.Mail;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * E-mails each notification (but a mentor's, when they chose the daily digest), in the
 * transaction that stores it, so it is sent once that commits, whatever happens to this
 * instance, and a slow or broken mail server never delays or fails the action that caused
 * it. Without SMTP it is logged.
 */
@Component
class NotificationMailer {

	private final Mails mails;

	private final AccountService accounts;

	private final ReviewDigests digests;

	NotificationMailer(Mails mails, AccountService accounts, ReviewDigests digests) {
		this.mails = mails;
		this.accounts = accounts;
		this.digests = digests;
	}

	@EventListener
	void on(NotificationCreated notification) {
		// A mentor who chose the daily digest hears of their queue once a day instead.
		if (notification.forAMentor() && this.digests.chosenBy(notification.recipientId())) {
			return;
		}
		String subject = this.mails.message(notification.kind().messageKey(), notification.actorName(),
				notification.skillTitle());
		this.mails.send("Notification " + notification.id() + " for user " + notification.recipientId(), subject,
				() -> this.accounts.findById(notification.recipientId())
					.map((recipient) -> new Mail(recipient.email(), subject, "notification",
							Map.of("name", recipient.displayName(), "summary", subject, "link",
									this.mails.link("/notifications/" + notification.id()), "allLink",
									this.mails.link("/notifications")))));
	}

}
