package dev.roadmap.test;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brings the learners' progress summary ({@code learner_progress}) up to date after a
 * test wrote statuses or events with SQL instead of through the services, which keep it
 * up to date themselves; their mentors' waiting totals follow it (a trigger of V19), as
 * the totals follow memberships written with SQL without any call.
 */
public final class ProgressSummaries {

	private ProgressSummaries() {
	}

	public static void refresh(JdbcClient jdbc, long userId) {
		jdbc.sql("select refresh_one_learner_progress(:user)").param("user", userId).query((rs) -> {
		});
	}

	/**
	 * Refreshes the summaries of every user whose e-mail address is {@code like} the
	 * pattern.
	 */
	public static void refreshWhereEmailLike(JdbcClient jdbc, String pattern) {
		jdbc.sql("select refresh_learner_progress(array(select id from app_user where email like :pattern))")
			.param("pattern", pattern)
			.query((rs) -> {
			});
	}

}
