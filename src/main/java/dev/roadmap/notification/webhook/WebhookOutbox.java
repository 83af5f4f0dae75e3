package dev.roadmap.notification.webhook;

import java.util.Map;

import dev.roadmap.notification.WebhookEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an event into one delivery per endpoint that wants it, in the transaction of what
 * the event is about, in one statement whatever the number of endpoints: the event is
 * delivered if and only if that commits, and survives a restart on the way. The payload
 * is written here, once (Standard Webhooks' {@code type}, {@code timestamp} and
 * {@code data}, the learner named), so every try sends, and signs, the same bytes.
 */
@Component
public class WebhookOutbox {

	private static final String ENQUEUE = """
			insert into webhook_delivery (endpoint_id, event_type, payload)
			select e.id, :type, jsonb_build_object('type', :type,
					'timestamp', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
					'data', cast(:data as jsonb)
						|| jsonb_build_object('learner', (select jsonb_build_object('id', u.user_id, 'name', u.display_name)
							from user_directory u where u.user_id = :learner))
						|| case when :actor = 0 then '{}'::jsonb
							else jsonb_build_object('actor', (select jsonb_build_object('id', a.user_id, 'name', a.display_name)
								from user_directory a where a.user_id = :actor)) end)::text
			from webhook_endpoint e
			where e.active and :type = any (e.events)
				and (e.cohort_id is null or exists (select 1 from cohort_enrolment ce
					where ce.cohort_id = e.cohort_id and ce.learner_id = :learner))""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	WebhookOutbox(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param learnerId whose event it is: site endpoints and their cohorts' get it
	 * @param actorId who acted, if not the learner (a mentor), else 0
	 * @param data what the payload's {@code data} says besides the learner and actor
	 * @return how many deliveries it made
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int enqueue(WebhookEvent event, long learnerId, long actorId, Map<String, ?> data) {
		return this.jdbc.sql(ENQUEUE)
			.param("type", event.value())
			.param("data", this.json.writeValueAsString(data))
			.param("learner", learnerId)
			.param("actor", actorId)
			.update();
	}

	/**
	 * A test event for one endpoint, whatever it subscribes to.
	 */
	@Transactional
	public void enqueueTest(long endpointId, String sentBy) {
		this.jdbc.sql("""
				insert into webhook_delivery (endpoint_id, event_type, payload)
				select e.id, :type, jsonb_build_object('type', :type,
					'timestamp', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
					'data', jsonb_build_object('message', 'A test event from Backend Roadmap', 'sentBy', :sentBy))::text
				from webhook_endpoint e where e.id = :endpoint""")
			.param("type", WebhookEvent.TEST)
			.param("sentBy", sentBy)
			.param("endpoint", endpointId)
			.update();
	}

}
