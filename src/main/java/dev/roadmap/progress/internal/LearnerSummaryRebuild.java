package dev.roadmap.progress.internal;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Rebuilds every learner's summary after a Flyway migrate that changed which skills are
 * live (the content migration retired or added some): the counts then cover the new set
 * of skills. The database function {@code sync_learner_progress} compares a hash of the
 * live skills with the one the summary was built for, under an advisory lock, so with
 * several instances starting at once one rebuilds and the others find it current.
 */
@Component
class LearnerSummaryRebuild implements Callback {

	private static final Logger logger = LoggerFactory.getLogger(LearnerSummaryRebuild.class);

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try (Statement statement = context.getConnection().createStatement()) {
			// A rebuild reads every learner's statuses: at 100,000 learners it may take
			// longer than the statement timeout pages get (application.properties).
			statement.execute("set statement_timeout = 0");
			try (var result = statement.executeQuery("select sync_learner_progress()")) {
				if (result.next() && result.getBoolean(1)) {
					logger.info("Rebuilt the learners' progress summary for the current roadmap content");
				}
			}
			finally {
				statement.execute("reset statement_timeout");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not bring the learners' progress summary up to date", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "learner progress summary";
	}

}
