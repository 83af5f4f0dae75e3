package dev.roadmap.notification.webhook;

import java.util.List;

import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries that ended more than 30 days ago leave the log once an hour, on one
 * instance, not at the end of each dispatcher round (every second on every instance,
 * reading the whole table); what is still pending, or ended recently, stays.
 */
@RoadmapIntegrationTest
class WebhookDeliveryPurgeIntegrationTests {

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	WebhookDeliveryPurge purge;

	@Autowired
	JdbcClient jdbc;

	private long endpoint;

	@BeforeEach
	void anInactiveEndpoint() {
		// Inactive, so that no dispatcher round (the scheduler's included) sends its
		// deliveries anywhere.
		this.endpoint = this.jdbc.sql("""
				insert into webhook_endpoint (url, description, events, secret, active)
				values ('http://127.0.0.1:9/', 'purge test', array['skill.status_changed'], 'secret', false)
				returning id""").query(Long.class).single();
		this.jdbc.sql("delete from scheduled_job where name = 'webhook-delivery-purge'").update();
	}

	@AfterEach
	void removeTheEndpoint() {
		this.jdbc.sql("delete from webhook_endpoint where id = :id").param("id", this.endpoint).update();
	}

	@Test
	void deliveriesThatEndedOverThirtyDaysAgoGoOnceAnHourNotEveryRound() {
		long oldDelivered = delivery("DELIVERED", 31);
		long oldFailed = delivery("FAILED", 45);
		long oldPending = delivery("PENDING", 31);
		long recentDelivered = delivery("DELIVERED", 29);

		this.dispatcher.deliverDue();
		assertThat(deliveries()).as("a dispatcher round deletes nothing")
			.containsExactlyInAnyOrder(oldDelivered, oldFailed, oldPending, recentDelivered);

		assertThat(this.purge.runIfDue()).isEqualTo(2);
		assertThat(deliveries()).containsExactlyInAnyOrder(oldPending, recentDelivered);
		delivery("DELIVERED", 60);
		assertThat(this.purge.runIfDue()).as("the next round is an hour away, on any instance").isEqualTo(-1);
	}

	private long delivery(String state, int daysAgo) {
		return this.jdbc.sql("""
				insert into webhook_delivery (endpoint_id, event_type, payload, created_at, state)
				values (:endpoint, 'skill.status_changed', '{}', now() - make_interval(days => :days), :state)
				returning id""")
			.param("endpoint", this.endpoint)
			.param("days", daysAgo)
			.param("state", state)
			.query(Long.class)
			.single();
	}

	private List<Long> deliveries() {
		return this.jdbc.sql("select id from webhook_delivery where endpoint_id = :endpoint")
			.param("endpoint", this.endpoint)
			.query(Long.class)
			.list();
	}

}
