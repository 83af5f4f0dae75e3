package dev.roadmap.roadmap.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RoadmapContentReaderTests {

	private final RoadmapContentReader reader = new RoadmapContentReader();

	@Test
	void theShippedContentHasTheTenStagesOfTheDesignInOrder() {
		RoadmapContent content = this.reader.read(new ClassPathResource("roadmap/backend.yaml"));

		assertThat(content.stages()).extracting(RoadmapContent.StageEntry::slug)
			.containsExactly("what-is-backend", "languages", "databases", "servers", "apis", "security", "projects",
					"version-control", "debugging", "community");
		assertThat(content.stages()).extracting((stage) -> stage.skills().size())
			.containsExactly(3, 6, 6, 4, 4, 4, 3, 4, 4, 4);
	}

	@Test
	void onlyTheThreeProjectsAreReviewable() {
		RoadmapContent content = this.reader.read(new ClassPathResource("roadmap/backend.yaml"));

		List<String> reviewable = content.stages()
			.stream()
			.flatMap((stage) -> stage.skills()
				.stream()
				.filter(RoadmapContent.SkillEntry::isReviewable)
				.map((skill) -> stage.slug() + "/" + skill.slug()))
			.toList();
		assertThat(reviewable).hasSize(3).allMatch((key) -> key.startsWith("projects/"));
	}

	@Test
	void refusesUnknownFieldsNamingTheField() {
		String yaml = validYaml().replace("    summary: S", "    summary: S\n    colour: red");

		assertThatExceptionOfType(InvalidRoadmapContentException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("colour")
			.withMessageContaining("line");
	}

	@Test
	void refusesDuplicateSkillSlugsInAStage() {
		String yaml = validYaml().replace("slug: second", "slug: first");

		assertThatExceptionOfType(InvalidRoadmapContentException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("stage 1 'alpha', skill 'first': slug is used twice"));
	}

	@Test
	void refusesDuplicateStageSlugs() {
		String yaml = validYaml() + validYaml().replace("stages:\n", "");

		assertThatExceptionOfType(InvalidRoadmapContentException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("stage 2 'alpha': slug is used twice");
	}

	@Test
	void refusesEmptyTitles() {
		String yaml = validYaml().replace("title: First skill", "title: \"  \"");

		assertThatExceptionOfType(InvalidRoadmapContentException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("stage 1 'alpha', skill 'first': title is empty");
	}

	@Test
	void refusesLinksThatAreNotHttp() {
		String yaml = validYaml().replace("https://example.com/learn", "javascript:alert(1)");

		assertThatExceptionOfType(InvalidRoadmapContentException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("'javascript:alert(1)' must be an http or https address");
	}

	@Test
	void refusesMalformedSlugs() {
		String yaml = validYaml().replace("slug: alpha", "slug: Alpha Stage");

		assertThatExceptionOfType(InvalidRoadmapContentException.class).isThrownBy(() -> read(yaml))
			.withMessageContaining("slug must be lower-case words joined by hyphens");
	}

	@Test
	void listsEveryProblemAtOnce() {
		String yaml = validYaml().replace("title: First skill", "title: \"\"")
			.replace("https://example.com/learn", "ftp://example.com");

		assertThatExceptionOfType(InvalidRoadmapContentException.class).isThrownBy(() -> read(yaml))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(2));
	}

	@Test
	void readsAValidFile() {
		RoadmapContent content = read(validYaml());

		assertThat(content.stages()).singleElement().satisfies((stage) -> {
			assertThat(stage.skills()).extracting(RoadmapContent.SkillEntry::slug).containsExactly("first", "second");
			assertThat(stage.skills().get(0).resourcesOrEmpty()).singleElement()
				.extracting(RoadmapContent.ResourceEntry::url)
				.isEqualTo("https://example.com/learn");
		});
	}

	private RoadmapContent read(String yaml) {
		return this.reader.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test content"));
	}

	static String validYaml() {
		return """
				stages:
				  - slug: alpha
				    title: Alpha
				    summary: S
				    explanation: E
				    skills:
				      - slug: first
				        title: First skill
				        description: D
				        resources:
				          - title: Learn
				            url: https://example.com/learn
				      - slug: second
				        title: Second skill
				        description: D
				""";
	}

}
