package dev.roadmap.notification;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.roadmap.account.AccountService;
import dev.roadmap.notification.internal.Mails;
import dev.roadmap.notification.internal.Mails.Mail;
import dev.roadmap.progress.review.ReviewQueue;
import dev.roadmap.shared.PageOf;
import dev.roadmap.shared.ScheduledRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentors' choice of a daily e-mail digest of their review queue instead of one e-mail
 * per event, and the digest itself: once a day, once across all instances, each mentor
 * who chose it and has requests waiting gets one e-mail saying how many wait and since
 * when. Their notifications still appear in the app as they happen.
 */
@Component
public class ReviewDigests {

	private static final Logger logger = LoggerFactory.getLogger(ReviewDigests.class);

	private static final String JOB = "review-digest";

	// Mentors who chose the digest and have requests waiting (mentoring's mentor_totals).
	private static final String DUE = """
			select p.user_id from notification_preference p
			join mentor_totals mt on mt.mentor_id = p.user_id and mt.waiting > 0
			where p.review_digest
			order by p.user_id""";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;

	private final Mails mails;

	private final ReviewQueue queue;

	private final AccountService accounts;

	ReviewDigests(JdbcClient jdbc, Mails mails, ReviewQueue queue, AccountService accounts) {
		this.jdbc = jdbc;
		this.mails = mails;
		this.queue = queue;
		this.accounts = accounts;
	}

	/**
	 * Whether the user chose the daily digest.
	 */
	@Transactional(readOnly = true)
	public boolean chosenBy(long userId) {
		return this.jdbc.sql("select review_digest from notification_preference where user_id = :user")
			.param("user", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional
	public void choose(long userId, boolean digest) {
		this.jdbc.sql("""
				insert into notification_preference (user_id, review_digest) values (:user, :digest)
				on conflict (user_id) do update set review_digest = excluded.review_digest""")
			.param("user", userId)
			.param("digest", digest)
			.update();
	}

	@Scheduled(cron = "${roadmap.mail.review-digest-cron:0 0 7 * * *}")
	void onSchedule() {
		if (ScheduledRounds.claim(this.jdbc, JOB, Duration.ofDays(1))) {
			send();
		}
	}

	/**
	 * Mails today's digest to every mentor who chose it and has requests waiting, through
	 * the outbox, in one transaction.
	 * @return the mentors mailed
	 */
	@Transactional
	public List<Long> send() {
		List<Long> mentors = this.jdbc.sql(DUE).query(Long.class).list();
		for (long mentor : mentors) {
			// The oldest waiting request, and how many wait in all.
			PageOf<ReviewQueue.Item> oldest = this.queue.waiting(mentor, ReviewQueue.Filter.ALL, 1, 1);
			if (oldest.items().isEmpty()) {
				continue;
			}
			long waiting = oldest.total();
			String since = DATE.format(oldest.items().get(0).requestedAt());
			String subject = this.mails.message("digest.subject", waiting);
			this.mails.send("Review digest for user " + mentor, subject,
					() -> this.accounts.findById(mentor)
						.map((account) -> new Mail(account.email(), subject, "digest",
								Map.of("name", account.displayName(), "waiting", waiting, "since", since, "link",
										this.mails.link("/mentor"), "settingsLink",
										this.mails.link("/notifications")))));
		}
		logger.debug("Mailed the review digest to {} mentors", mentors.size());
		return mentors;
	}

}
