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
	// still in the roadmap, so the first page reads a page's worth of rows. How many
	// wait in all is the mentor's total, which the database keeps on every review
	// action, status change and membership change (mentoring's mentor_totals, V19), or
	// for one cohort the sum of its learners' waiting counts in their summaries:
	// nothing here counts requests.
	private static final String WAITING = """
			select ss.user_id, u.display_name, ss.skill_id, ss.review_requested_at, rc.mentor_id,
				mu.display_name as claimed_by,
				(select string_agg(ml.cohort_name, ', ' order by ml.cohort_name) from mentor_learner ml
					where ml.mentor_id = :mentor and ml.learner_id = ss.user_id) as cohorts,
				case when :cohort = 0
					then coalesce((select mt.waiting from mentor_totals mt where mt.mentor_id = :mentor), 0)
					else (select coalesce(sum(lp.waiting), 0) from learner_progress lp where lp.user_id <> :mentor
						and lp.user_id in (select ml.learner_id from mentor_learner ml
							where ml.mentor_id = :mentor and ml.cohort_id = :cohort))
				end as matching
			from skill_status ss
			join user_directory u on u.user_id = ss.user_id
			left join review_claim rc on rc.user_id = ss.user_id and rc.skill_id = ss.skill_id
				and rc.touched_at > now() - make_interval(secs => :lapse)
			left join user_directory mu on mu.user_id = rc.mentor_id
			where ss.review_state = 'REQUESTED' and ss.status = 'DONE' and ss.user_id <> :mentor
				and ss.skill_id = any (:skills)
				and exists (select 1 from mentor_learner ml where ml.mentor_id = :mentor and ml.learner_id = ss.user_id
					and (:cohort = 0 or ml.cohort_id = :cohort))
			order by ss.review_requested_at, ss.user_id, ss.skill_id
			limit :size offset :offset""";

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
	 * One page of the waiting requests.
	 * @param cohortId one of the mentor's cohorts, or {@link #ALL_COHORTS}
	 * @param number the page, numbered from 1
	 */
	@Transactional(readOnly = true)
	public PageOf<Item> waiting(long mentorId, long cohortId, int number, int size) {
		Instant overdueBefore = Instant.now().minus(this.overdueAfter);
		Long[] liveSkills = this.roadmap.stages()
			.stream()
			.flatMap((stage) -> stage.skills().stream())
			.map(Skill::id)
			.toArray(Long[]::new);
		long[] matching = { 0 };
		List<Item> items = this.jdbc.sql(WAITING)
			.param("mentor", mentorId)
			.param("cohort", cohortId)
			.param("lapse", this.lapse.toSeconds())
			.param("skills", liveSkills)
			.param("size", size)
			.param("offset", PageOf.offsetOf(number, size))
			.query((rs, rowNum) -> {
				matching[0] = rs.getLong("matching");
				Instant requested = rs.getTimestamp("review_requested_at").toInstant();
				long claimedBy = rs.getLong("mentor_id");
				Long claimedById = rs.wasNull() ? null : claimedBy;
				Skill skill = this.roadmap.skill(rs.getLong("skill_id")).orElseThrow();
				return new Item(rs.getLong("user_id"), rs.getString("display_name"), skill.id(), skill.stageSlug(),
						skill.slug(), skill.title(), rs.getString("cohorts"), requested, claimedById,
						rs.getString("claimed_by"), requested.isBefore(overdueBefore));
			})
			.list();
		return new PageOf<>(items, number, size, matching[0]);
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
