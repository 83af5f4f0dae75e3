package dev.roadmap.progress.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.roadmap.progress.review.internal.ReviewProperties;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Waiting review requests of a mentor's learners, oldest first, with who has claimed
 * each. Which learners are the mentor's comes from mentoring's published read model
 * ({@code mentor_learner}); which skills are still in the roadmap, from the roadmap.
 */
@Component
public class ReviewQueue {

	// Walks the waiting requests oldest first (a partial index in that order) and
	// keeps those of the mentor's learners (in the chosen cohort, if one is) on skills
	// still in the roadmap (or the chosen stage or skill), so the first page reads a
	// page's worth of rows. How many wait in all is the mentor's total, which the
	// database keeps on every review action, status change and membership change
	// (mentoring's mentor_totals, V19), or for one cohort the sum of its learners'
	// waiting counts in their summaries. By learner, the mentor's waiting requests are
	// sorted by name: that reads them all.
	private static final String WAITING = """
			select ss.user_id, u.display_name, ss.skill_id, ss.review_requested_at, rc.mentor_id,
				mu.display_name as claimed_by,
				(select string_agg(ml.cohort_name, ', ' order by ml.cohort_name) from mentor_learner ml
					where ml.mentor_id = :mentor and ml.learner_id = ss.user_id) as cohorts,
				%s as matching
			from skill_status ss
			join user_directory u on u.user_id = ss.user_id
			left join review_claim rc on rc.user_id = ss.user_id and rc.skill_id = ss.skill_id
				and rc.touched_at > now() - make_interval(secs => :lapse)
			left join user_directory mu on mu.user_id = rc.mentor_id
			%s
			order by %s
			limit :size offset :offset""";

	// The requests the queue shows; %s narrows them to the mentor's own.
	private static final String MATCHING = """
			where ss.review_state = 'REQUESTED' and ss.status = 'DONE' and ss.user_id <> :mentor
				and ss.skill_id = any (:skills)
				and exists (select 1 from mentor_learner ml where ml.mentor_id = :mentor and ml.learner_id = ss.user_id
					and (:cohort = 0 or ml.cohort_id = :cohort))%s""";

	// How many wait in all, for the whole queue or one cohort's: kept by the database.
	private static final String KEPT_COUNT = """
			case when :cohort = 0
				then coalesce((select mt.waiting from mentor_totals mt where mt.mentor_id = :mentor), 0)
				else (select coalesce(sum(lp.waiting), 0) from learner_progress lp where lp.user_id <> :mentor
					and lp.user_id in (select ml.learner_id from mentor_learner ml
						where ml.mentor_id = :mentor and ml.cohort_id = :cohort))
			end""";

	// Narrowed to a stage, a skill or the mentor's own, the queue counts what matches,
	// as nothing keeps those numbers, and stops counting past COUNT_CAP: 76,000 waiting
	// projects took 600 ms to count.
	private static final String COUNTED = "(select count(*) from (select 1 from skill_status ss %s limit :countCap) capped)";

	// The mentor's own: requests they hold a live claim on, or acted on before (a
	// comment, a decision on an earlier iteration), found from the mentor's side.
	private static final String MINE = """

			and (ss.user_id, ss.skill_id) in (
				select e.user_id, e.skill_id from review_event e where e.actor_id = :mentor
				union
				select mc.user_id, mc.skill_id from review_claim mc where mc.mentor_id = :mentor
					and mc.touched_at > now() - make_interval(secs => :lapse))""";

	/**
	 * How far a narrowed queue counts its requests: beyond, it says "more than".
	 */
	public static final int COUNT_CAP = 1_000;

	/**
	 * The cohort to pass for the requests of all the mentor's cohorts.
	 */
	public static final long ALL_COHORTS = 0;

	private final JdbcClient jdbc;

	private final RoadmapService roadmap;

	private final Duration lapse;

	private final Duration overdueAfter;

	ReviewQueue(JdbcClient jdbc, RoadmapService roadmap, ReviewProperties properties) {
		this.jdbc = jdbc;
		this.roadmap = roadmap;
		this.lapse = properties.claimLapsesAfter();
		this.overdueAfter = properties.overdueAfter();
	}

	/**
	 * One page of the waiting requests that match the filter.
	 * @param number the page, numbered from 1
	 */
	@Transactional(readOnly = true)
	public PageOf<Item> waiting(long mentorId, Filter filter, int number, int size) {
		Instant overdueBefore = Instant.now().minus(this.overdueAfter);
		Long[] skills = this.roadmap.stages()
			.stream()
			.filter((stage) -> filter.stageSlug() == null || stage.slug().equals(filter.stageSlug()))
			.flatMap((stage) -> stage.skills().stream())
			.map(Skill::id)
			.filter((id) -> filter.skillId() == 0 || id == filter.skillId())
			.toArray(Long[]::new);
		String matching = MATCHING.formatted(filter.mine() ? MINE : "");
		String sql = WAITING.formatted(filter.narrowed() ? COUNTED.formatted(matching) : KEPT_COUNT, matching,
				filter.order().orderBy);
		long[] total = { 0 };
		List<Item> items = this.jdbc.sql(sql)
			.param("mentor", mentorId)
			.param("cohort", filter.cohortId())
			.param("lapse", this.lapse.toSeconds())
			.param("skills", skills)
			.param("size", size)
			.param("offset", PageOf.offsetOf(number, size))
			.param("countCap", COUNT_CAP + 1)
			.query((rs, rowNum) -> {
				total[0] = rs.getLong("matching");
				Instant requested = rs.getTimestamp("review_requested_at").toInstant();
				long claimedBy = rs.getLong("mentor_id");
				Long claimedById = rs.wasNull() ? null : claimedBy;
				Skill skill = this.roadmap.skill(rs.getLong("skill_id")).orElseThrow();
				return new Item(rs.getLong("user_id"), rs.getString("display_name"), skill.id(), skill.stageSlug(),
						skill.slug(), skill.title(), rs.getString("cohorts"), requested, claimedById,
						rs.getString("claimed_by"), requested.isBefore(overdueBefore));
			})
			.list();
		return new PageOf<>(items, number, size, total[0]);
	}

	/**
	 * Which waiting requests to show, and in which order.
	 *
	 * @param cohortId one of the mentor's cohorts, or {@link #ALL_COHORTS}
	 * @param stageSlug a stage to show alone, or null for every stage
	 * @param skillId a skill to show alone, or 0 for every skill
	 * @param mine whether to show only the requests the mentor has claimed or acted on
	 */
	public record Filter(long cohortId, String stageSlug, long skillId, boolean mine, Order order) {

		/** The whole queue, oldest first. */
		public static final Filter ALL = new Filter(ALL_COHORTS, null, 0, false, Order.WAITING);

		public Filter {
			stageSlug = (stageSlug == null || stageSlug.isBlank()) ? null : stageSlug;
			order = (order != null) ? order : Order.WAITING;
		}

		/**
		 * Whether it shows less than a cohort's whole queue.
		 */
		public boolean narrowed() {
			return this.stageSlug != null || this.skillId != 0 || this.mine;
		}

	}

	/**
	 * The queue's orders: by waiting time, oldest first (the default), or by learner.
	 */
	public enum Order {

		WAITING("ss.review_requested_at, ss.user_id, ss.skill_id"),

		LEARNER("lower(u.display_name), ss.user_id, ss.review_requested_at, ss.skill_id");

		private final String orderBy;

		Order(String orderBy) {
			this.orderBy = orderBy;
		}

	}

	/**
	 * A waiting request as the queue shows it.
	 *
	 * @param cohorts the names of the mentor's cohorts the learner is in, joined by
	 * commas
	 */
	public record Item(long learnerId, String learnerName, long skillId, String stageSlug, String skillSlug,
			String skillTitle, String cohorts, Instant requestedAt, Long claimedById, String claimedByName,
			boolean overdue) {
	}

}
