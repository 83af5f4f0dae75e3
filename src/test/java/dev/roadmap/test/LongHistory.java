package dev.roadmap.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A learner's long status history written straight into the database (one statement), for
 * tests of what must not hold it all at once. Registered as an extension
 * ({@code @RegisterExtension final LongHistory longHistory = new LongHistory();}), it
 * takes out what it wrote after each test: other tests compare whole tables of the shared
 * database.
 */
public final class LongHistory implements AfterEachCallback {

	private final List<Runnable> cleanUps = new ArrayList<>();

	/**
	 * Writes that many status changes of one skill, a minute apart, ending a minute ago.
	 */
	public void write(JdbcClient jdbc, long userId, long skillId, int events) {
		this.cleanUps
			.add(() -> jdbc.sql("delete from status_event where user_id = :user").param("user", userId).update());
		jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select :user, :skill, 'NOT_STARTED', 'IN_PROGRESS', now() - g * interval '1 minute'
				from generate_series(1, :events) g""")
			.param("user", userId)
			.param("skill", skillId)
			.param("events", events)
			.update();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.cleanUps.forEach(Runnable::run);
		this.cleanUps.clear();
	}

}
