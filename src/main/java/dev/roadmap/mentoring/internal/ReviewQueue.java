package dev.roadmap.mentoring.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Waiting review requests of a mentor's learners, oldest first, and the claims that keep
 * two mentors from reviewing the same request: a mentor claims a request before deciding,
 * and a claim untouched for the lapse time (30 minutes) is free to take.
 */
@Component
public class ReviewQueue {

	// Walks the waiting requests oldest first (a partial index in that order) and keeps
	// those of the mentor's learners, so the first page reads a page's worth of rows;
	// how many wait in all is the mentor's total, which the database keeps on every
	// review action, status change and membership change (V19) instead of counting here.
	private static final String WAITING = """
			with mine as (
				select cm.cohort_id from cohort_mentor cm
				join cohort c on c.id = cm.cohort_id and not c.archived
				where cm.user_id = :mentor
			),
			waiting as (
				select ss.user_id, ss.skill_id, ss.review_requested_at, sk.slug as skill_slug, sk.title,
					st.slug as stage_slug
				from skill_status ss
				join skill sk on sk.id = ss.skill_id and not sk.retired
				join stage st on st.id = sk.stage_id and not st.retired
				where ss.review_state = 'REQUESTED' and ss.status = 'DONE' and ss.user_id <> :mentor
					and exists (select 1 from cohort_learner cl
						where cl.user_id = ss.user_id and cl.cohort_id in (select cohort_id from mine))
			)
			select w.user_id, u.display_name, w.skill_id, w.stage_slug, w.skill_slug, w.title,
				w.review_requested_at, rc.mentor_id, mu.display_name as claimed_by,
				coalesce((select mt.waiting from mentor_totals mt where mt.mentor_id = :mentor), 0) as matching
			from waiting w
			join app_user u on u.id = w.user_id
			left join review_claim rc on rc.user_id = w.user_id and rc.skill_id = w.skill_id
				and rc.touched_at > now() - make_interval(secs => :lapse)
			left join app_user mu on mu.id = rc.mentor_id
			order by w.review_requested_at, w.user_id, w.skill_id
			limit :size offset :offset""";

	private final JdbcClient jdbc;

	private final Duration lapse;

	private final Duration overdueAfter;

	ReviewQueue(JdbcClient jdbc, MentoringProperties properties) {
		this.jdbc = jdbc;
		this.lapse = properties.claimLapsesAfter();
		this.overdueAfter = properties.overdueAfter();
	}

	@Transactional(readOnly = true)
	public Page waiting(long mentorId, int page, int size) {
		Instant overdueBefore = Instant.now().minus(this.overdueAfter);
		long[] matching = { 0 };
		List<Item> items = this.jdbc.sql(WAITING)
			.param("mentor", mentorId)
			.param("lapse", this.lapse.toSeconds())
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, rowNum) -> {
				matching[0] = rs.getLong("matching");
				Instant requested = rs.getTimestamp("review_requested_at").toInstant();
				long claimedBy = rs.getLong("mentor_id");
				return new Item(rs.getLong("user_id"), rs.getString("display_name"), rs.getLong("skill_id"),
						rs.getString("stage_slug"), rs.getString("skill_slug"), rs.getString("title"), requested,
						rs.wasNull() ? null : claimedBy, rs.getString("claimed_by"), requested.isBefore(overdueBefore));
			})
			.list();
		return new Page(items, page, size, matching[0]);
	}

	/**
	 * Claims the request for the mentor unless another mentor holds a live claim on it.
	 * @return the mentor who holds the claim afterwards
	 */
	@Transactional
	public Claim claim(long mentorId, long learnerId, long skillId) {
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
		return claimOf(learnerId, skillId).orElseThrow();
	}

	/**
	 * The live claim on a request, if any.
	 */
	@Transactional(readOnly = true)
	public Optional<Claim> claimOf(long learnerId, long skillId) {
		return this.jdbc.sql("""
				select rc.mentor_id, u.display_name, rc.claimed_at, rc.touched_at from review_claim rc
				join app_user u on u.id = rc.mentor_id
				where rc.user_id = :learner and rc.skill_id = :skill
					and rc.touched_at > now() - make_interval(secs => :lapse)""")
			.param("learner", learnerId)
			.param("skill", skillId)
			.param("lapse", this.lapse.toSeconds())
			.query((rs, rowNum) -> new Claim(rs.getLong("mentor_id"), rs.getString("display_name"),
					instant(rs.getTimestamp("claimed_at")), instant(rs.getTimestamp("touched_at"))))
			.optional();
	}

	/**
	 * Keeps the mentor's live claim alive; answers whether they hold one.
	 */
	@Transactional
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

	@Transactional
	public void release(long mentorId, long learnerId, long skillId) {
		this.jdbc.sql("delete from review_claim where user_id = :learner and skill_id = :skill and mentor_id = :mentor")
			.param("learner", learnerId)
			.param("skill", skillId)
			.param("mentor", mentorId)
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

	/**
	 * A waiting request as the queue shows it.
	 */
	public record Item(long learnerId, String learnerName, long skillId, String stageSlug, String skillSlug,
			String skillTitle, Instant requestedAt, Long claimedById, String claimedByName, boolean overdue) {
	}

	/**
	 * Who is reviewing a request, since when, and when they last touched it.
	 */
	public record Claim(long mentorId, String mentorName, Instant claimedAt, Instant touchedAt) {
	}

	/**
	 * A page of the queue and how many requests wait in all.
	 */
	public record Page(List<Item> items, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

		public boolean hasNext() {
			return this.page + 1 < pages();
		}

		public boolean hasPrevious() {
			return this.page > 0;
		}

	}

}
