package dev.roadmap.progress.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the mentors of a cohort keep up with its review requests, for the admin: what waits
 * for each, and how long the cohort's learners waited for each mentor's first answer and
 * decision over the last {@link #WINDOW}. A request counts for the mentors who answered
 * it; one nobody answered yet counts as waiting. Mentors and learners come from
 * mentoring's published {@code mentor_learner}, the waiting counts from its
 * {@code mentor_totals}.
 */
@Component
public class ReviewWorkload {

	/** How far back the times are measured. */
	public static final Duration WINDOW = Duration.ofDays(30);

	// Each request (or new iteration) of the cohort's learners in the window, against
	// each mentor of the cohort: that mentor's first action on the skill since (a
	// comment or a decision), and first decision, before the next request of the skill
	// took its place. The events' (user_id, occurred_at) index answers each probe.
	private static final String WORKLOAD = """
			with mentors as (
				select distinct ml.mentor_id from mentor_learner ml where ml.cohort_id = :cohort
			),
			requests as (
				select e.user_id, e.skill_id, e.occurred_at as requested_at,
					lead(e.occurred_at, 1, 'infinity') over (partition by e.user_id, e.skill_id order by e.occurred_at)
						as superseded_at
				from review_event e
				where e.action in ('REQUESTED', 'RESUBMITTED') and e.occurred_at > now() - make_interval(secs => :window)
					and e.user_id in (select ml.learner_id from mentor_learner ml where ml.cohort_id = :cohort)
			),
			answers as (
				select m.mentor_id, r.requested_at,
					(select min(a.occurred_at) from review_event a where a.user_id = r.user_id
						and a.skill_id = r.skill_id and a.actor_id = m.mentor_id and a.occurred_at >= r.requested_at
						and a.occurred_at < r.superseded_at
						and a.action in ('COMMENTED', 'CHANGES_REQUESTED', 'APPROVED')) as answered_at,
					(select min(a.occurred_at) from review_event a where a.user_id = r.user_id
						and a.skill_id = r.skill_id and a.actor_id = m.mentor_id and a.occurred_at >= r.requested_at
						and a.occurred_at < r.superseded_at
						and a.action in ('CHANGES_REQUESTED', 'APPROVED')) as decided_at
				from mentors m cross join requests r
			)
			select m.mentor_id, u.display_name, coalesce(mt.waiting, 0) as waiting,
				count(a.answered_at) as answered,
				percentile_cont(0.5) within group (order by extract(epoch from a.answered_at - a.requested_at))
					as first_answer,
				percentile_cont(0.5) within group (order by extract(epoch from a.decided_at - a.requested_at))
					as decision
			from mentors m
			join user_directory u on u.user_id = m.mentor_id
			left join mentor_totals mt on mt.mentor_id = m.mentor_id
			left join answers a on a.mentor_id = m.mentor_id
			group by m.mentor_id, u.display_name, mt.waiting
			order by lower(u.display_name), m.mentor_id""";

	private final JdbcClient jdbc;

	ReviewWorkload(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The workload of each mentor of the cohort, by name; none for an archived cohort or
	 * one without learners.
	 */
	@Transactional(readOnly = true)
	public List<Mentor> ofCohort(long cohortId) {
		return this.jdbc.sql(WORKLOAD)
			.param("cohort", cohortId)
			.param("window", WINDOW.toSeconds())
			.query((rs, row) -> new Mentor(rs.getLong("mentor_id"), rs.getString("display_name"), rs.getInt("waiting"),
					rs.getInt("answered"), seconds(rs, "first_answer"), seconds(rs, "decision")))
			.list();
	}

	private static Duration seconds(ResultSet rs, String column) throws SQLException {
		double seconds = rs.getDouble(column);
		return rs.wasNull() ? null : Duration.ofSeconds(Math.round(seconds));
	}

	/**
	 * One mentor's workload.
	 *
	 * @param waiting the requests waiting in all their cohorts' queue
	 * @param answered how many of the cohort's requests of the window they answered
	 * @param medianFirstAnswer the median time from a request to their first answer, or
	 * null if they answered none
	 * @param medianDecision the median time from a request to their decision, or null
	 */
	public record Mentor(long mentorId, String name, int waiting, int answered, Duration medianFirstAnswer,
			Duration medianDecision) {
	}

}
