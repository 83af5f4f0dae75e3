package dev.roadmap.notification.internal;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails on their way, kept in PostgreSQL ({@code mail_outbox}) until the mail server
 * took them. {@link #enqueue} joins the caller's transaction, so a mail is sent if and
 * only if what it is about was committed, and survives restarts. One worker (on each
 * instance; they never claim the same mail) sends what is due in batches, outside any
 * transaction: a mail server that hangs holds that worker and nothing else, and no mail
 * waits in memory. A failed try is retried after 30 s, then twice as long each time, up
 * to {@value #MAX_ATTEMPTS} tries (about eight hours in all); then the mail is given up,
 * logged, and kept a week for whoever looks into it.
 */
@Component
public class MailOutbox {

	static final int MAX_ATTEMPTS = 10;

	static final int BATCH = 20;

	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	/**
	 * How long a claimed mail is left to its worker before another may try it: longer
	 * than the mail client's timeouts (5 s to connect, 10 s to read and write) allow for
	 * a whole batch.
	 */
	static final Duration LEASE = Duration.ofMinutes(10);

	private static final Logger logger = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	private final Counter sent;

	private final Counter failed;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MailProperties properties,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.from = properties.mail().from();
		this.sent = outcome(meters, "sent");
		this.failed = outcome(meters, "failed");
	}

	private static Counter outcome(MeterRegistry meters, String outcome) {
		return Counter.builder("roadmap.mails")
			.description("E-mails the mail server took (sent) or refused (failed; each try counts)")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Whether mail is sent at all: SMTP is configured ({@code spring.mail.host}).
	 */
	public boolean enabled() {
		return this.mailSender.getIfAvailable() != null;
	}

	/**
	 * Adds a mail to send, in the caller's transaction.
	 */
	@Transactional
	public void enqueue(String recipient, String subject, String body) {
		this.jdbc.sql("insert into mail_outbox (recipient, subject, body) values (:recipient, :subject, :body)")
			.param("recipient", recipient)
			.param("subject", subject)
			.param("body", body)
			.update();
	}

	@Scheduled(fixedDelayString = "${roadmap.mail.outbox-poll-interval:2s}",
			initialDelayString = "${roadmap.mail.outbox-poll-interval:2s}")
	void deliverOnSchedule() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			// The database is away, most likely: the next round tries again.
			logger.warn("Could not deliver the mail outbox: {}", ex.toString());
		}
	}

	/**
	 * Sends the mails that are due, a batch at a time, until none is left.
	 * @return how many were sent
	 */
	public int deliverDue() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int delivered = 0;
		List<Mail> batch;
		do {
			batch = claim();
			for (Mail mail : batch) {
				delivered += send(sender, mail) ? 1 : 0;
			}
		}
		while (batch.size() == BATCH);
		this.jdbc.sql("delete from mail_outbox where failed_at < now() - interval '7 days'").update();
		return delivered;
	}

	private List<Mail> claim() {
		return this.jdbc.sql("""
				update mail_outbox set attempts = attempts + 1,
					next_attempt_at = now() + make_interval(secs => :lease)
				where id in (
					select id from mail_outbox where failed_at is null and next_attempt_at <= now()
					order by next_attempt_at, id limit :batch
					for update skip locked)
				returning id, recipient, subject, body, attempts""")
			.param("lease", LEASE.toSeconds())
			.param("batch", BATCH)
			.query((rs, row) -> new Mail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
					rs.getString("body"), rs.getInt("attempts")))
			.list();
	}

	private boolean send(JavaMailSender sender, Mail mail) {
		try {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.from);
			message.setTo(mail.recipient());
			message.setSubject(mail.subject());
			message.setText(mail.body());
			sender.send(message);
		}
		catch (RuntimeException ex) {
			this.failed.increment();
			retryOrGiveUp(mail, ex);
			return false;
		}
		this.sent.increment();
		// Gone once sent: the outbox never keeps what a mail said (a reset link, say).
		this.jdbc.sql("delete from mail_outbox where id = :id").param("id", mail.id()).update();
		logger.debug("Sent mail {}: {}", mail.id(), mail.subject());
		return true;
	}

	private void retryOrGiveUp(Mail mail, RuntimeException ex) {
		if (mail.attempts() >= MAX_ATTEMPTS) {
			this.jdbc.sql("update mail_outbox set failed_at = now(), last_error = :error, body = '' where id = :id")
				.param("error", ex.toString())
				.param("id", mail.id())
				.update();
			logger.error("Gave up mail {} after {} tries: {}", mail.id(), mail.attempts(), ex.toString());
			return;
		}
		Duration wait = FIRST_RETRY.multipliedBy(1L << (mail.attempts() - 1));
		this.jdbc.sql("""
				update mail_outbox set next_attempt_at = now() + make_interval(secs => :wait), last_error = :error
				where id = :id""")
			.param("wait", wait.toSeconds())
			.param("error", ex.toString())
			.param("id", mail.id())
			.update();
		logger.warn("Could not send mail {} (try {} of {}; next in {}): {}", mail.id(), mail.attempts(), MAX_ATTEMPTS,
				wait, ex.toString());
	}

	private record Mail(long id, String recipient, String subject, String body, int attempts) {
	}

}
