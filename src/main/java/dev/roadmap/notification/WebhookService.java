package dev.roadmap.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roadmap.mentoring.CohortService;
import dev.roadmap.notification.webhook.WebhookOutbox;
import dev.roadmap.notification.webhook.WebhookSignature;
import dev.roadmap.shared.PageOf;
import dev.roadmap.shared.UserText;
import dev.roadmap.shared.WebAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook endpoints an admin configures (for the whole site or one cohort, with the
 * events each wants), their delivery logs, and test events. Events become deliveries in
 * {@code webhook.WebhookOutbox}; {@code webhook.WebhookDispatcher} sends them.
 */
@Service
public class WebhookService {

	public static final int MAX_URL_LENGTH = 2000;

	public static final int MAX_DESCRIPTION_LENGTH = 200;

	private static final String ENDPOINT_COLUMNS = "id, url, description, cohort_id, events, secret, active, "
			+ "created_at, consecutive_failures, paused_until";

	private final JdbcClient jdbc;

	private final WebhookOutbox outbox;

	private final CohortService cohorts;

	WebhookService(JdbcClient jdbc, WebhookOutbox outbox, CohortService cohorts) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.cohorts = cohorts;
	}

	/**
	 * Registers an endpoint with a new signing secret.
	 * @param cohortId the cohort whose learners' events it gets, or null for the site
	 * @throws WebhookException if the address is not an http(s) address, the description
	 * too long, no event is chosen or the cohort is unknown
	 */
	@Transactional
	public WebhookEndpoint create(String url, String description, Long cohortId, Set<WebhookEvent> events) {
		String cleanUrl = validUrl(url);
		String cleanDescription = UserText.normalize(description).strip();
		if (cleanDescription.length() > MAX_DESCRIPTION_LENGTH) {
			throw new WebhookException("description", "webhook.descriptionTooLong", MAX_DESCRIPTION_LENGTH);
		}
		if (events == null || events.isEmpty()) {
			throw new WebhookException("events", "webhook.eventsRequired");
		}
		if (cohortId != null && this.cohorts.cohort(cohortId).isEmpty()) {
			throw new WebhookException("cohort", "webhook.cohortUnknown");
		}
		long id = this.jdbc.sql("""
				insert into webhook_endpoint (url, description, cohort_id, events, secret)
				values (:url, :description, :cohort, cast(:events as text[]), :secret) returning id""")
			.param("url", cleanUrl)
			.param("description", cleanDescription)
			.param("cohort", cohortId)
			.param("events", "{" + String.join(",", events.stream().map(WebhookEvent::value).sorted().toList()) + "}")
			.param("secret", WebhookSignature.newSecret())
			.query(Long.class)
			.single();
		return endpoint(id).orElseThrow();
	}

	/**
	 * Every endpoint, newest first: a handful, configured by hand.
	 */
	@Transactional(readOnly = true)
	public List<WebhookEndpoint> endpoints() {
		return this.jdbc.sql("select " + ENDPOINT_COLUMNS + " from webhook_endpoint order by id desc")
			.query((rs, row) -> endpoint(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<WebhookEndpoint> endpoint(long id) {
		return this.jdbc.sql("select " + ENDPOINT_COLUMNS + " from webhook_endpoint where id = :id")
			.param("id", id)
			.query((rs, row) -> endpoint(rs))
			.optional();
	}

	/**
	 * Pauses or resumes an endpoint. A paused one gets no new deliveries; those waiting
	 * wait for it to be resumed.
	 * @return whether there was such an endpoint
	 */
	@Transactional
	public boolean setActive(long id, boolean active) {
		return this.jdbc.sql("update webhook_endpoint set active = :active, paused_until = null where id = :id")
			.param("active", active)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Removes an endpoint with its delivery log; what was waiting is not sent.
	 * @return whether there was such an endpoint
	 */
	@Transactional
	public boolean delete(long id) {
		return this.jdbc.sql("delete from webhook_endpoint where id = :id").param("id", id).update() == 1;
	}

	/**
	 * Queues a test event for the endpoint, sent like any other.
	 * @return whether there was such an endpoint
	 */
	@Transactional
	public boolean sendTest(long id, String sentBy) {
		if (endpoint(id).isEmpty()) {
			return false;
		}
		this.outbox.enqueueTest(id, sentBy);
		return true;
	}

	/**
	 * A page of the endpoint's deliveries, newest first.
	 * @param page the page number, from 1; past the last, the last
	 */
	@Transactional(readOnly = true)
	public PageOf<WebhookDelivery> deliveries(long endpointId, int page, int size) {
		long total = this.jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :endpoint")
			.param("endpoint", endpointId)
			.query(Long.class)
			.single();
		int number = PageOf.within(page, size, total);
		List<WebhookDelivery> items = this.jdbc.sql("""
				select id, event_type, created_at, state, attempts, next_attempt_at, last_attempt_at, last_status,
					last_duration_ms, last_error, delivered_at
				from webhook_delivery where endpoint_id = :endpoint order by id desc limit :size offset :offset""")
			.param("endpoint", endpointId)
			.param("size", size)
			.param("offset", PageOf.offsetOf(number, size))
			.query((rs, row) -> new WebhookDelivery(rs.getLong("id"), rs.getString("event_type"),
					instant(rs, "created_at"), rs.getString("state"), rs.getInt("attempts"),
					instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), integer(rs, "last_status"),
					integer(rs, "last_duration_ms"), rs.getString("last_error"), instant(rs, "delivered_at")))
			.list();
		return new PageOf<>(items, number, size, total);
	}

	private static String validUrl(String url) {
		String clean = (url != null) ? url.strip() : "";
		if (clean.isEmpty()) {
			throw new WebhookException("url", "webhook.urlRequired");
		}
		if (clean.length() > MAX_URL_LENGTH) {
			throw new WebhookException("url", "webhook.urlTooLong", MAX_URL_LENGTH);
		}
		try {
			URI uri = new URI(clean);
			// Credentials in the address would be logged and shown with it: refused.
			if (!WebAddresses.isWebAddress(uri) || uri.getRawUserInfo() != null) {
				throw new WebhookException("url", "webhook.urlInvalid");
			}
		}
		catch (URISyntaxException ex) {
			throw new WebhookException("url", "webhook.urlInvalid");
		}
		return clean;
	}

	private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
		long cohort = rs.getLong("cohort_id");
		Long cohortId = rs.wasNull() ? null : cohort;
		Array array = rs.getArray("events");
		Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
		Arrays.stream((String[]) array.getArray()).map(WebhookEvent::of).flatMap(Optional::stream).forEach(events::add);
		return new WebhookEndpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"), cohortId, events,
				rs.getString("secret"), rs.getBoolean("active"), instant(rs, "created_at"),
				rs.getInt("consecutive_failures"), instant(rs, "paused_until"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
