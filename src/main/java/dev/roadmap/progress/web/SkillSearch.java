package dev.roadmap.progress.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

/**
 * Finds skills by words across all stages: a skill matches when every word appears in its
 * title, its description or its stage's title, ignoring case.
 */
final class SkillSearch {

	static final int MAX_QUERY_LENGTH = 200;

	private SkillSearch() {
	}

	/**
	 * The query as it will be searched: trimmed, and cut to a sensible length.
	 */
	static String clean(String query) {
		String text = (query != null) ? query.strip() : "";
		return (text.length() > MAX_QUERY_LENGTH) ? text.substring(0, MAX_QUERY_LENGTH) : text;
	}

	static List<Match> find(List<Stage> stages, String query) {
		List<String> words = Arrays.stream(clean(query).toLowerCase(Locale.ROOT).split("\\s+"))
			.filter((word) -> !word.isEmpty())
			.toList();
		if (words.isEmpty()) {
			return List.of();
		}
		return stages.stream()
			.flatMap((stage) -> stage.skills().stream().map((skill) -> new Match(stage, skill)))
			.filter((match) -> words.stream().allMatch(match.text()::contains))
			.toList();
	}

	/**
	 * A skill found, with its stage.
	 */
	public record Match(Stage stage, Skill skill) {

		String text() {
			return (this.skill.title() + " " + this.skill.description() + " " + this.stage.title())
				.toLowerCase(Locale.ROOT);
		}

	}

}
