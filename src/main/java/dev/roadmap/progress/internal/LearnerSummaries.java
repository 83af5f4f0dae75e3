package dev.roadmap.progress.internal;

import dev.roadmap.account.AccountCreated;
import dev.roadmap.progress.SkillStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code learner_progress}, each user's progress over the live roadmap, their
 * waiting review requests and their last activity, equal to what their statuses and
 * events say. It is recomputed for the learner in the transaction of every change that
 * moves it (a status change, a mentor's decision, the learner's own review action), so
 * readers sort and page learners by it through an index, and the mentors' totals follow
 * the waiting count (a trigger of V19). What a summary says is the database view
 * {@code learner_progress_computed} (V33); this writes one learner's from it with
 * {@code refresh_one_learner_progress}, whose plans PostgreSQL keeps per connection, and
 * the backfill, the rebuild after a content change and seed scripts write many with
 * {@code refresh_learner_progress}.
 */
@Component
public class LearnerSummaries {

	private final JdbcClient jdbc;

	LearnerSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Recomputes the learner's summary; waits for (and then sees) any other transaction
	 * refreshing the same learner.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void refresh(long userId) {
		this.jdbc.sql("select refresh_one_learner_progress(:user)").param("user", userId).query((rs) -> {
		});
	}

	/**
	 * A status change moves the learner's progress and last activity: recomputed in the
	 * change's transaction, under its row lock.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void onSkillStatusChanged(SkillStatusChanged changed) {
		refresh(changed.userId());
	}

	/**
	 * Every account has a summary from the start, so that a learner who has done nothing
	 * yet still sorts among the others.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void onAccountCreated(AccountCreated created) {
		refresh(created.userId());
	}

}
