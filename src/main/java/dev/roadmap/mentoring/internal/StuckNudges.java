package dev.roadmap.mentoring.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.roadmap.mentoring.LearnerLooksStuck;
import dev.roadmap.shared.ScheduledRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nudges the learners who look stuck, once across all instances every
 * {@code roadmap.mentor.stuck-nudge-interval}: a learner of an active cohort with no
 * activity for {@code roadmap.mentor.stuck-after} gets one friendly e-mail for that spell
 * of inactivity, and never more than one a {@link #AT_MOST_EVERY}. Off with
 * {@code roadmap.mentor.stuck-nudge=false} (the demo's default).
 */
@Component
public class StuckNudges {

	/** The least time between two nudges of one learner. */
	public static final Duration AT_MOST_EVERY = Duration.ofDays(7);

	/** The most learners nudged in one round: the rest wait for the next. */
	static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(StuckNudges.class);

	private static final String JOB = "stuck-nudge";

	// Learners in an active cohort that has a mentor (mentor_learner), inactive since
	// :before (their own last activity or, with none, their first enrolment), and not
	// nudged since that activity nor in the last week: recorded and returned in one
	// statement, so that each is nudged once.
	private static final String NUDGE = """
			with stuck as (
				select lp.user_id, coalesce(lp.last_activity_at, (select min(ml.enrolled_at) from mentor_learner ml
					where ml.learner_id = lp.user_id)) as last_seen
				from learner_progress lp
				where lp.user_id in (select ml.learner_id from mentor_learner ml where ml.mentor_id <> ml.learner_id)
					and (lp.last_activity_at < :before or lp.last_activity_at is null)
			)
			insert into stuck_nudge as n (user_id, nudged_at)
			select s.user_id, now() from stuck s
			where s.last_seen < :before
				and not exists (select 1 from stuck_nudge p where p.user_id = s.user_id
					and (p.nudged_at > s.last_seen or p.nudged_at > now() - make_interval(secs => :every)))
			order by s.user_id
			limit :batch
			on conflict (user_id) do update set nudged_at = excluded.nudged_at
			returning n.user_id""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final MentoringProperties properties;

	StuckNudges(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			MentoringProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${roadmap.mentor.stuck-nudge-interval:1h}",
			initialDelayString = "${roadmap.mentor.stuck-nudge-interval:1h}")
	void onSchedule() {
		if (this.properties.stuckNudge()
				&& ScheduledRounds.claim(this.jdbc, JOB, this.properties.stuckNudgeInterval())) {
			nudge();
		}
	}

	/**
	 * Nudges the learners who look stuck and were not nudged for it yet, in one
	 * transaction with the mails it causes.
	 * @return the learners nudged
	 */
	public List<Long> nudge() {
		Instant before = Instant.now().minus(this.properties.stuckAfter());
		List<Long> nudged = this.transactions.execute((status) -> {
			List<Long> learners = this.jdbc.sql(NUDGE)
				.param("before", Timestamp.from(before))
				.param("every", AT_MOST_EVERY.toSeconds())
				.param("batch", BATCH)
				.query(Long.class)
				.list();
			long days = this.properties.stuckAfter().toDays();
			learners.forEach((learner) -> this.events.publishEvent(new LearnerLooksStuck(learner, days)));
			return learners;
		});
		logger.debug("Nudged {} learners who look stuck", nudged.size());
		return nudged;
	}

}
