package dev.roadmap.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.WebhookReceiver;
import dev.roadmap.test.WebhookReceiver.Received;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks delivered to a receiver on a local port: signed as Standard Webhooks says,
 * only for what committed, only to the endpoints that want the event (the site's, the
 * learner's cohort's), retried later and later on failure, without a storm of tries at a
 * receiver that is down, and never in the way of the user's action. Short waits here (the
 * first retry after 1 s) so the retries happen within the test.
 */
@RoadmapIntegrationTest
@TestPropertySource(properties = { "roadmap.webhooks.poll-interval=100ms", "roadmap.webhooks.first-retry=1s",
		"roadmap.webhooks.timeout=1s" })
class WebhookDeliveryIntegrationTests {

	private static final Duration SOON = Duration.ofSeconds(15);

	@Autowired
	WebhookService webhooks;

	@Autowired
	ReviewScenario scenario;

	@Autowired
	Learners learners;

	@Autowired
	Http http;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final List<WebhookReceiver> receivers = new ArrayList<>();

	@AfterEach
	void removeEndpoints() {
		this.webhooks.endpoints().forEach((endpoint) -> this.webhooks.delete(endpoint.id()));
		this.receivers.forEach(WebhookReceiver::close);
	}

	@Test
	void aStatusChangeIsDeliveredSignedToTheSiteAndTheLearnersCohortOnly() throws Exception {
		AccountPrincipal learner = this.scenario.learner("Hana");
		AccountPrincipal elsewhere = this.scenario.learner("Ivo");
		long cohort = this.scenario.cohort(learner, this.scenario.mentor("Mentor"));
		this.scenario.cohort(elsewhere, this.scenario.mentor("Other mentor"));
		WebhookReceiver site = receiver();
		WebhookReceiver cohortHook = receiver();
		WebhookReceiver reviewsOnly = receiver();
		WebhookEndpoint siteEndpoint = this.webhooks.create(site.url(), "Site", null,
				EnumSet.of(WebhookEvent.SKILL_STATUS_CHANGED));
		WebhookEndpoint cohortEndpoint = this.webhooks.create(cohortHook.url(), "Cohort", cohort,
				EnumSet.of(WebhookEvent.SKILL_STATUS_CHANGED));
		this.webhooks.create(reviewsOnly.url(), "Reviews", null, EnumSet.of(WebhookEvent.REVIEW_REQUESTED));
		Skill skill = this.scenario.skill("databases", 1);

		this.scenario.setStatus(learner, skill, SkillStatus.IN_PROGRESS);
		this.scenario.setStatus(elsewhere, skill, SkillStatus.DONE);

		List<Received> atSite = site.awaitAtLeast(2, SOON);
		Received atCohort = cohortHook.awaitAtLeast(1, SOON).get(0);
		Thread.sleep(500);
		assertThat(cohortHook.received()).as("the other cohort's learner is not this cohort's").hasSize(1);
		assertThat(reviewsOnly.received()).as("an event the endpoint did not choose").isEmpty();
		assertThat(atCohort.signedWith(cohortEndpoint.secret())).isTrue();
		assertThat(atCohort.signedWith(siteEndpoint.secret())).as("another endpoint's secret").isFalse();
		assertThat(atCohort.id()).startsWith("msg_");
		assertThat(Long.parseLong(atCohort.timestamp())).isBetween(atCohort.at().getEpochSecond() - 5,
				atCohort.at().getEpochSecond() + 1);
		assertThat(atCohort.contentType()).isEqualTo("application/json");
		JsonNode payload = this.json.readTree(atCohort.body());
		assertThat(payload.get("type").asString()).isEqualTo("skill.status_changed");
		assertThat(payload.get("timestamp").asString()).endsWith("Z");
		assertThat(payload.get("data").get("learner").get("id").asLong()).isEqualTo(learner.id());
		assertThat(payload.get("data").get("learner").get("name").asString()).isEqualTo("Hana");
		assertThat(payload.get("data").get("skill").get("key").asString()).isEqualTo(skill.key());
		assertThat(payload.get("data").get("from").asString()).isEqualTo("NOT_STARTED");
		assertThat(payload.get("data").get("to").asString()).isEqualTo("IN_PROGRESS");
		assertThat(atSite).allMatch((received) -> signed(received, siteEndpoint));
		awaitLog(siteEndpoint, 2, "DELIVERED");
		WebhookDelivery logged = this.webhooks.deliveries(siteEndpoint.id(), 1, 10).items().get(0);
		assertThat(logged.lastStatus()).isEqualTo(200);
		assertThat(logged.attempts()).isEqualTo(1);
		assertThat(logged.lastDurationMs()).isNotNull();
	}

	@Test
	void reviewEventsNameTheActorAndARolledBackChangeSendsNothing() throws Exception {
		AccountPrincipal learner = this.scenario.learner("Jo");
		AccountPrincipal mentor = this.scenario.mentor("Kim");
		long cohort = this.scenario.cohort(learner, mentor);
		WebhookReceiver receiver = receiver();
		WebhookEndpoint endpoint = this.webhooks.create(receiver.url(), "", cohort,
				EnumSet.of(WebhookEvent.REVIEW_REQUESTED, WebhookEvent.REVIEW_COMMENTED, WebhookEvent.REVIEW_DECIDED));
		Skill todo = this.scenario.skill("projects", 0);

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.scenario.requestReview(learner, todo);
			throw new IllegalStateException("rolled back");
		})).hasMessage("rolled back");
		this.scenario.requestReview(learner, todo);
		this.scenario.comment(learner, todo, mentor, "Looks good so far");
		this.scenario.approve(learner, todo, mentor);

		List<Received> received = receiver.awaitAtLeast(3, SOON);
		Thread.sleep(500);
		List<String> types = new ArrayList<>();
		for (Received each : receiver.received()) {
			types.add(this.json.readTree(each.body()).get("type").asString());
		}
		assertThat(types).as("once each, nothing of the rolled-back request")
			.containsExactlyInAnyOrder("review.requested", "review.commented", "review.decided");
		JsonNode decided = received.stream()
			.map((each) -> this.json.readTree(each.body()))
			.filter((payload) -> payload.get("type").asString().equals("review.decided"))
			.findFirst()
			.orElseThrow();
		assertThat(decided.get("data").get("action").asString()).isEqualTo("APPROVED");
		assertThat(decided.get("data").get("actor").get("name").asString()).isEqualTo("Kim");
		assertThat(received).allMatch((each) -> signed(each, endpoint));
	}

	@Test
	void aFailingReceiverIsTriedAgainLaterAndLaterUntilItAnswers() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		WebhookReceiver receiver = receiver().answering(() -> (calls.incrementAndGet() <= 2) ? 500 : 204);
		WebhookEndpoint endpoint = this.webhooks.create(receiver.url(), "", null,
				EnumSet.of(WebhookEvent.LEARNER_STUCK));

		this.webhooks.sendTest(endpoint.id(), "Admin");

		List<Received> tries = receiver.awaitAtLeast(3, SOON);
		assertThat(tries).extracting(Received::id)
			.as("one message, the same id each try")
			.containsOnly(tries.get(0).id());
		Duration firstWait = Duration.between(tries.get(0).at(), tries.get(1).at());
		Duration secondWait = Duration.between(tries.get(1).at(), tries.get(2).at());
		assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(secondWait).as("twice as long").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		WebhookDelivery delivery = awaitLog(endpoint, 1, "DELIVERED").get(0);
		assertThat(delivery.attempts()).isEqualTo(3);
		assertThat(delivery.lastStatus()).isEqualTo(204);
		assertThat(delivery.eventType()).isEqualTo(WebhookEvent.TEST);
		assertThat(this.webhooks.endpoint(endpoint.id()).orElseThrow().consecutiveFailures()).isZero();
	}

	@Test
	void aReceiverThatIsDownGetsATryNowAndThenNotAStormAndLosesNothing() throws Exception {
		WebhookReceiver receiver = receiver().answering(() -> 503);
		WebhookEndpoint endpoint = this.webhooks.create(receiver.url(), "", null,
				EnumSet.of(WebhookEvent.LEARNER_STUCK));
		// Thirty at once, so the worker finds them all in one round.
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < 30; i++) {
				this.webhooks.sendTest(endpoint.id(), "Admin");
			}
		});

		List<Received> firstTries = receiver.awaitAtLeast(30, SOON).subList(0, 30);
		Thread.sleep(3500);

		// Each delivery's first try, at once; then, without the endpoint resting, each of
		// the thirty would be tried again after 1 and 3 s (60 retries): it gets a few.
		Set<String> seen = new HashSet<>();
		long retries = receiver.received().stream().filter((each) -> !seen.add(each.id())).count();
		assertThat(firstTries).extracting(Received::id).doesNotHaveDuplicates();
		assertThat(retries).isBetween(1L, 2L * 5);
		assertThat(this.webhooks.endpoint(endpoint.id()).orElseThrow().consecutiveFailures()).isPositive();
		assertThat(this.webhooks.deliveries(endpoint.id(), 1, 50).items()).hasSize(30)
			.allMatch(WebhookDelivery::pending);
	}

	@Test
	void aReceiverThatHangsNeverHoldsTheUsersRequest() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		WebhookReceiver receiver = receiver().after(Duration.ofSeconds(5));
		WebhookEndpoint endpoint = this.webhooks.create(receiver.url(), "", null,
				EnumSet.of(WebhookEvent.SKILL_STATUS_CHANGED));
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);
		this.scenario.setStatus(learner, this.scenario.skill("apis", 0), SkillStatus.IN_PROGRESS);
		receiver.awaitAtLeast(1, SOON);

		// The worker is waiting on the receiver now; the learner's next change is not.
		String csrf = Jsoup.parse(browser.get("/stages/apis").body()).select("input[name=_csrf]").first().val();
		HttpResponse<String> changed = browser.postForm(
				"/stages/apis/skills/" + this.scenario.skill("apis", 1).slug() + "/status",
				"status=DONE&_csrf=" + csrf);

		assertThat(changed.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :id")
			.param("id", endpoint.id())
			.query(Long.class)
			.single()).as("both changes queued").isEqualTo(2);
		assertThat(awaitLog(endpoint, 1, (delivery) -> delivery.lastError() != null).get(0).lastStatus())
			.as("the hanging try timed out, without an answer")
			.isNull();
	}

	@Test
	void anAddressThatIsNotHttpOrNoEventIsRefused() {
		assertThatThrownBy(
				() -> this.webhooks.create("ftp://example.com/x", "", null, Set.of(WebhookEvent.LEARNER_STUCK)))
			.isInstanceOf(WebhookException.class)
			.hasMessage("webhook.urlInvalid");
		assertThatThrownBy(() -> this.webhooks.create("https://user:pw@example.com/x", "", null,
				Set.of(WebhookEvent.LEARNER_STUCK)))
			.hasMessage("webhook.urlInvalid");
		assertThatThrownBy(() -> this.webhooks.create("https://example.com/x", "", null, Set.of()))
			.hasMessage("webhook.eventsRequired");
		assertThatThrownBy(
				() -> this.webhooks.create("https://example.com/x", "", 999_999L, Set.of(WebhookEvent.LEARNER_STUCK)))
			.hasMessage("webhook.cohortUnknown");
		assertThat(this.webhooks.endpoints()).isEmpty();
	}

	private boolean signed(Received received, WebhookEndpoint endpoint) {
		try {
			return received.signedWith(endpoint.secret());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<WebhookDelivery> awaitLog(WebhookEndpoint endpoint, int count, String state)
			throws InterruptedException {
		return awaitLog(endpoint, count, (delivery) -> delivery.state().equals(state));
	}

	/**
	 * Waits for the endpoint's log to hold so many deliveries that match.
	 */
	private List<WebhookDelivery> awaitLog(WebhookEndpoint endpoint, int count, Predicate<WebhookDelivery> matching)
			throws InterruptedException {
		long deadline = System.nanoTime() + SOON.toNanos();
		List<WebhookDelivery> log;
		do {
			Thread.sleep(50);
			log = this.webhooks.deliveries(endpoint.id(), 1, 50).items().stream().filter(matching).toList();
		}
		while (log.size() < count && System.nanoTime() < deadline);
		assertThat(log).hasSizeGreaterThanOrEqualTo(count);
		return log;
	}

	private WebhookReceiver receiver() throws Exception {
		WebhookReceiver receiver = new WebhookReceiver();
		this.receivers.add(receiver);
		return receiver;
	}

}
