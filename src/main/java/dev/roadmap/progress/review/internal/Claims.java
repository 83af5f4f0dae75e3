package dev.roadmap.progress.review.internal;

import java.time.Duration;
import java.util.Optional;

import dev.roadmap.progress.review.Claim;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mentors' claims on waiting requests, which keep two mentors from reviewing the same
 * one: a claim untouched for the lapse time is free to take. Runs in its callers'
 * transactions.
 */
@Component
public class Claims {

	private final JdbcClient jdbc;

	private final Duration lapse;

	Claims(JdbcClient jdbc, ReviewProperties properties) {
		this.jdbc = jdbc;
		this.lapse = properties.claimLapsesAfter();
	}

	/**
	 * Claims the request for the mentor unless another mentor holds a live claim on it.
	 */
	public void claim(long mentorId, long learnerId, long skillId) {
		this.jdbc.sql("""
				insert into review_claim (user_id, skill_id, mentor_id) values (:learner, :skill, :mentor)
				on conflict (user_id, skill_id) do update
					set mentor_id = excluded.mentor_id, claimed_at = now(), touched_at = now()
					where review_claim.mentor_id = excluded.mentor_id
						or review_claim.touched_at <= now() - make_interval(secs => :lapse)""")
			.param("learner", learnerId)
			.param("skill", skillId)
			.param("mentor", mentorId)
			.param("lapse", this.lapse.toSeconds())
			.update();
	}

	/**
	 * The live claim on a request, if any.
	 */
	public Optional<Claim> of(long learnerId, long skillId) {
		return this.jdbc.sql("""
				select rc.mentor_id, u.display_name, rc.claimed_at, rc.touched_at from review_claim rc
				join user_directory u on u.user_id = rc.mentor_id
				where rc.user_id = :learner and rc.skill_id = :skill
					and rc.touched_at > now() - make_interval(secs => :lapse)""")
			.param("learner", learnerId)
			.param("skill", skillId)
			.param("lapse", this.lapse.toSeconds())
			.query((rs, rowNum) -> new Claim(rs.getLong("mentor_id"), rs.getString("display_name"),
					rs.getTimestamp("claimed_at").toInstant(), rs.getTimestamp("touched_at").toInstant()))
			.optional();
	}

	/**
	 * Keeps the mentor's live claim alive; answers whether they hold one.
	 */
	public boolean touch(long mentorId, long learnerId, long skillId) {
		return this.jdbc.sql("""
				update review_claim set touched_at = now()
				where user_id = :learner and skill_id = :skill and mentor_id = :mentor
					and touched_at > now() - make_interval(secs => :lapse)""")
			.param("learner", learnerId)
			.param("skill", skillId)
			.param("mentor", mentorId)
			.param("lapse", this.lapse.toSeconds())
			.update() == 1;
	}

	public void release(long mentorId, long learnerId, long skillId) {
		this.jdbc.sql("delete from review_claim where user_id = :learner and skill_id = :skill and mentor_id = :mentor")
			.param("learner", learnerId)
			.param("skill", skillId)
			.param("mentor", mentorId)
			.update();
	}

}
