package dev.roadmap.notification.webhook;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.roadmap.shared.ScheduledRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the deliveries that ended (delivered or given up) more than {@value #KEPT_DAYS}
 * days ago, from every endpoint's log, once an hour across all instances. The dispatcher
 * used to do it at the end of every round, each second on each instance, and the delete
 * read the whole table each time.
 */
@Component
class WebhookDeliveryPurge {

	static final int KEPT_DAYS = 30;

	private static final Logger logger = LoggerFactory.getLogger(WebhookDeliveryPurge.class);

	private static final String JOB = "webhook-delivery-purge";

	private static final Duration INTERVAL = Duration.ofHours(1);

	private final JdbcClient jdbc;

	WebhookDeliveryPurge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
	void onSchedule() {
		try {
			runIfDue();
		}
		catch (RuntimeException ex) {
			// The database is away, most likely: the next round tries again.
			logger.warn("Could not delete old webhook deliveries: {}", ex.toString());
		}
	}

	/**
	 * Deletes the old deliveries if no instance has within the hour.
	 * @return how many were deleted, or -1 if another instance had the round
	 */
	int runIfDue() {
		if (!ScheduledRounds.claim(this.jdbc, JOB, INTERVAL)) {
			return -1;
		}
		return this.jdbc.sql("""
				delete from webhook_delivery
				where state <> 'PENDING' and created_at < now() - make_interval(days => :days)""")
			.param("days", KEPT_DAYS)
			.update();
	}

}
