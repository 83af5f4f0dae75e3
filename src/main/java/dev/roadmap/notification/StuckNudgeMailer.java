package dev.roadmap.notification;

import java.util.Map;

import dev.roadmap.account.AccountService;
import dev.roadmap.mentoring.LearnerLooksStuck;
import dev.roadmap.notification.internal.Mails;
import dev.roadmap.notification.internal.Mails.Mail;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * E-mails a learner who looks stuck one friendly nudge back to their roadmap, in the
 * transaction that records the nudge (sent once that commits).
 */
@Component
class StuckNudgeMailer {

	private final Mails mails;

	private final AccountService accounts;

	StuckNudgeMailer(Mails mails, AccountService accounts) {
		this.mails = mails;
		this.accounts = accounts;
	}

	@EventListener
	void on(LearnerLooksStuck stuck) {
		String subject = this.mails.message("nudge.subject");
		this.mails.send("Stuck nudge for user " + stuck.learnerId(), subject,
				() -> this.accounts.findById(stuck.learnerId())
					.map((learner) -> new Mail(learner.email(), subject, "nudge",
							Map.of("name", learner.displayName(), "days", stuck.inactiveDays(), "link",
									this.mails.link("/"), "dashboardLink", this.mails.link("/dashboard")))));
	}

}
