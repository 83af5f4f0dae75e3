package dev.roadmap.roadmap;

import java.util.List;

/**
 * One stage of the roadmap with its current (not retired) skills, in order.
 *
 * @param number the stage's place in the roadmap, from 1
 */
public record Stage(long id, String slug, int number, String title, String summary, String explanation,
		List<Skill> skills) {

	public Stage {
		skills = List.copyOf(skills);
	}

	/**
	 * The explanation split into paragraphs at blank lines.
	 */
	public List<String> paragraphs() {
		return List.of(this.explanation.strip().split("\\R\\s*\\R"));
	}

}
