package dev.roadmap.roadmap;

import java.util.List;

/**
 * One concrete skill of a stage.
 *
 * @param reviewable whether the skill takes a project submission that a mentor reviews
 */
public record Skill(long id, String stageSlug, String slug, String title, String description, boolean reviewable,
		List<LearningResource> resources) {

	public Skill {
		resources = List.copyOf(resources);
	}

	/**
	 * The skill's stable key across the site, {@code stage/skill}, used by pages and
	 * tests.
	 */
	public String key() {
		return this.stageSlug + "/" + this.slug;
	}

}
