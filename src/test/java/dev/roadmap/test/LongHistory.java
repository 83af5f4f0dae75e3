package dev.roadmap.test;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner's long status history written straight into the database (one statement), for
 * tests of what must not hold it all at once, and taken out again afterwards: other tests
 * compare whole tables of the shared database.
 */
public final class LongHistory {

	private LongHistory() {
	}

	/**
	 * Writes that many status changes of one skill, a minute apart, ending a minute ago.
	 */
	public static void write(JdbcClient jdbc, long userId, long skillId, int events) {
		jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select :user, :skill, 'NOT_STARTED', 'IN_PROGRESS', now() - g * interval '1 minute'
				from generate_series(1, :events) g""")
			.param("user", userId)
			.param("skill", skillId)
			.param("events", events)
			.update();
	}

	public static void delete(JdbcClient jdbc, long userId) {
		jdbc.sql("delete from status_event where user_id = :user").param("user", userId).update();
	}

}
