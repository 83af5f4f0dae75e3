package dev.roadmap.notification.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due, on every instance, outside any transaction: a
 * receiver that hangs holds one of this worker's requests for the timeout and nothing
 * else, and never a user's request. Each round claims a batch (for update skip locked, so
 * two instances never send the same delivery, with a lease: a delivery claimed by an
 * instance that died is due again once the lease ends), sends it all at once and records
 * each answer. A 2xx is delivered; anything else is tried again later and later, and
 * given up after the last try. An endpoint that fails rests (twice as long after each
 * round that failed in a row) and then gets at most {@value #PER_ENDPOINT} deliveries a
 * round until one goes through, so a receiver that is down gets a few tries now and then,
 * not a storm of every delivery waiting for it; a healthy one gets its backlog a batch at
 * a time.
 */
@Component
public class WebhookDispatcher {

	static final int BATCH = 50;

	static final int PER_ENDPOINT = 5;

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final JdbcClient jdbc;

	private final WebhookProperties properties;

	private final HttpClient client;

	WebhookDispatcher(JdbcClient jdbc, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${roadmap.webhooks.poll-interval:1s}",
			initialDelayString = "${roadmap.webhooks.poll-interval:1s}")
	void deliverOnSchedule() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			// The database is away, most likely: the next round tries again.
			logger.warn("Could not deliver webhooks: {}", ex.toString());
		}
	}

	/**
	 * Sends what is due, a batch at a time, until none is left.
	 * @return how many were delivered
	 */
	public int deliverDue() {
		int delivered = 0;
		List<Due> batch;
		do {
			batch = claim();
			List<CompletableFuture<Boolean>> sent = batch.stream().map(this::send).toList();
			for (CompletableFuture<Boolean> outcome : sent) {
				delivered += outcome.join() ? 1 : 0;
			}
		}
		while (batch.size() == BATCH);
		return delivered;
	}

	private List<Due> claim() {
		return this.jdbc.sql("""
				update webhook_delivery d set attempts = d.attempts + 1, last_attempt_at = now(),
					next_attempt_at = now() + make_interval(secs => :lease)
				from webhook_endpoint e
				where e.id = d.endpoint_id and d.id in (
					select id from webhook_delivery where id in (
						select ranked.id from (
							select w.id, we.consecutive_failures,
								row_number() over (partition by w.endpoint_id order by w.next_attempt_at, w.id) as n
							from webhook_delivery w join webhook_endpoint we on we.id = w.endpoint_id
							where w.state = 'PENDING' and w.next_attempt_at <= now() and we.active
								and (we.paused_until is null or we.paused_until <= now())
						) ranked where ranked.consecutive_failures = 0 or ranked.n <= :perEndpoint
					)
					order by next_attempt_at, id limit :batch
					for update skip locked)
				returning d.id, d.endpoint_id, d.event_type, d.payload, d.attempts, e.url, e.secret""")
			.param("lease", lease().toSeconds())
			.param("perEndpoint", PER_ENDPOINT)
			.param("batch", BATCH)
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event_type"),
					rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"), rs.getString("secret")))
			.list();
	}

	/**
	 * How long a claimed delivery is its worker's: the whole batch sent at once, each
	 * within the timeout to connect and the timeout to answer, and then some.
	 */
	private Duration lease() {
		return this.properties.timeout().multipliedBy(2).plusSeconds(60);
	}

	private CompletableFuture<Boolean> send(Due due) {
		String id = "msg_" + due.id();
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(due.url()))
				.timeout(this.properties.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "BackendRoadmap-Webhooks/1")
				.header("webhook-id", id)
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", WebhookSignature.sign(due.secret(), id, timestamp, due.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(due.payload()))
				.build();
		}
		catch (RuntimeException ex) {
			failed(due, null, 0, ex.toString());
			return CompletableFuture.completedFuture(false);
		}
		long started = System.nanoTime();
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.orTimeout(this.properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)
			.handle((response, ex) -> {
				int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
				if (ex != null) {
					failed(due, null, millis, ex.toString());
					return false;
				}
				if (response.statusCode() / 100 != 2) {
					failed(due, response.statusCode(), millis, null);
					return false;
				}
				delivered(due, response.statusCode(), millis);
				return true;
			});
	}

	private void delivered(Due due, int status, int millis) {
		this.jdbc.sql("""
				update webhook_delivery set state = 'DELIVERED', delivered_at = now(), last_status = :status,
					last_duration_ms = :millis, last_error = null, next_attempt_at = now()
				where id = :id""").param("status", status).param("millis", millis).param("id", due.id()).update();
		this.jdbc.sql("update webhook_endpoint set consecutive_failures = 0, paused_until = null where id = :id")
			.param("id", due.endpointId())
			.update();
		logger.debug("Delivered webhook {} ({}) in {} ms", due.id(), due.eventType(), millis);
	}

	private void failed(Due due, Integer status, int millis, String error) {
		boolean givenUp = due.attempts() >= this.properties.maxAttempts();
		Duration wait = this.properties.waitAfter(due.attempts());
		this.jdbc.sql("""
				update webhook_delivery set state = :state, last_status = :status, last_duration_ms = :millis,
					last_error = :error, next_attempt_at = now() + make_interval(secs => :wait)
				where id = :id""")
			.param("state", givenUp ? "FAILED" : "PENDING")
			.param("status", status)
			.param("millis", millis)
			.param("error", (error != null && error.length() > 500) ? error.substring(0, 500) : error)
			.param("wait", givenUp ? 0.0 : wait.toMillis() / 1000.0)
			.param("id", due.id())
			.update();
		// The endpoint rests, twice as long after each round that failed in a row: the
		// first failure of a round counts, the others of the batch find it resting.
		this.jdbc
			.sql("""
					update webhook_endpoint set consecutive_failures = consecutive_failures + 1,
						paused_until = now() + make_interval(secs => least(:first * power(2, least(consecutive_failures, 20)),
							:max))
					where id = :id and (paused_until is null or paused_until <= now())""")
			.param("first", this.properties.firstRetry().toMillis() / 1000.0)
			.param("max", (double) WebhookProperties.MAX_WAIT.toSeconds())
			.param("id", due.endpointId())
			.update();
		if (givenUp) {
			logger.error("Gave up webhook {} ({}) to {} after {} tries: {}", due.id(), due.eventType(), due.url(),
					due.attempts(), (status != null) ? "HTTP " + status : error);
		}
		else {
			logger.warn("Webhook {} ({}) to {} failed (try {} of {}; next in {}): {}", due.id(), due.eventType(),
					due.url(), due.attempts(), this.properties.maxAttempts(), wait,
					(status != null) ? "HTTP " + status : error);
		}
	}

	private record Due(long id, long endpointId, String eventType, String payload, int attempts, String url,
			String secret) {
	}

}
