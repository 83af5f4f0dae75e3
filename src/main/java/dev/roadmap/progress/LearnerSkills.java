package dev.roadmap.progress;

import java.util.Map;
import java.util.function.LongPredicate;

import dev.roadmap.progress.review.SkillReview;

/**
 * Everything a learner has on their skills, read at once: the status of each skill they
 * touched, its review (state, evidence and, when asked for, the conversation) and, when
 * asked for, their note. Skills missing from the maps are not started, not reviewed and
 * have no note.
 */
public record LearnerSkills(Map<Long, SkillStatus> statuses, Map<Long, SkillReview> reviews, Map<Long, Note> notes) {

	public static final LearnerSkills NONE = new LearnerSkills(Map.of(), Map.of(), Map.of());

	public LearnerSkills {
		statuses = Map.copyOf(statuses);
		reviews = Map.copyOf(reviews);
		notes = Map.copyOf(notes);
	}

	public SkillStatus statusOf(long skillId) {
		return this.statuses.getOrDefault(skillId, SkillStatus.NOT_STARTED);
	}

	/**
	 * How many skills are verified (done and approved) among those the predicate accepts,
	 * such as the skills still on the roadmap.
	 */
	public int verifiedCount(LongPredicate counted) {
		return (int) this.reviews.values()
			.stream()
			.filter((review) -> review.verified() && counted.test(review.skillId()))
			.count();
	}

}
