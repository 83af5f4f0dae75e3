package dev.roadmap.notification;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import dev.roadmap.RoadmapApplication;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.WebhookReceiver;
import dev.roadmap.test.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries outlive the instance that queued them: this test's application queues events
 * but never sends (its worker waits an hour), as an instance that stopped; another
 * instance started on the same database sends every one, once, including one an instance
 * claimed and died sending (its lease over).
 */
@RoadmapIntegrationTest
@TestPropertySource(properties = "roadmap.webhooks.poll-interval=1h")
class WebhookRestartIntegrationTests {

	@Autowired
	WebhookService webhooks;

	@Autowired
	ReviewScenario scenario;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void whatOneInstanceQueuedTheNextSendsOnceEach() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			WebhookEndpoint endpoint = this.webhooks.create(receiver.url(), "", null,
					EnumSet.of(WebhookEvent.SKILL_STATUS_CHANGED));
			AccountPrincipal learner = this.scenario.learner("Restarted");
			for (int i = 0; i < 6; i++) {
				this.scenario.setStatus(learner, this.scenario.skill((i < 3) ? "servers" : "apis", i % 3),
						SkillStatus.DONE);
			}
			// One claimed by an instance that died while sending it, its lease now over.
			this.jdbc.sql("""
					update webhook_delivery set attempts = 1, last_attempt_at = now() - interval '10 minutes',
						next_attempt_at = now() - interval '1 second'
					where id = (select min(id) from webhook_delivery where endpoint_id = :endpoint)""")
				.param("endpoint", endpoint.id())
				.update();
			Thread.sleep(500);
			assertThat(receiver.received()).as("nothing sent by the stopped instance").isEmpty();

			try (ConfigurableApplicationContext next = nextInstance()) {
				List<Received> received = receiver.awaitAtLeast(6, Duration.ofSeconds(30));
				Thread.sleep(1500);

				assertThat(receiver.received()).hasSize(6);
				assertThat(received).extracting(Received::id).doesNotHaveDuplicates();
				assertThat(received).allMatch((each) -> {
					try {
						return each.signedWith(endpoint.secret());
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
			}
			List<WebhookDelivery> log = this.webhooks.deliveries(endpoint.id(), 1, 10).items();
			assertThat(log).hasSize(6).allMatch(WebhookDelivery::delivered);
			assertThat(log.get(log.size() - 1).attempts()).as("the one claimed before").isEqualTo(2);
			this.webhooks.delete(endpoint.id());
		}
	}

	private ConfigurableApplicationContext nextInstance() {
		return new SpringApplicationBuilder(RoadmapApplication.class).run("--server.port=0",
				"--roadmap.webhooks.poll-interval=100ms",
				"--spring.datasource.url=" + this.environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""));
	}

}
