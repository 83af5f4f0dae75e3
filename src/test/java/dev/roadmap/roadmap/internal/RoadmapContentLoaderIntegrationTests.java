package dev.roadmap.roadmap.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads edited content files into the shared test database; each test's transaction is
 * rolled back, so other tests keep seeing the shipped roadmap.
 */
@RoadmapIntegrationTest
@Transactional
class RoadmapContentLoaderIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	StoredRoadmap stored;

	private final RoadmapContentReader reader = new RoadmapContentReader();

	@Test
	void theShippedContentIsLoadedAtStartup() {
		assertThat(this.roadmap.stages()).hasSize(10);
		assertThat(this.roadmap.stages().stream().mapToInt((stage) -> stage.skills().size()).sum()).isEqualTo(42);
	}

	@Test
	void loadingTheSameContentTwiceChangesNothing() {
		Map<String, Long> before = skillIds();
		long resources = count("skill_resource");

		load(new ClassPathResource("roadmap/backend.yaml"));
		load(new ClassPathResource("roadmap/backend.yaml"));

		assertThat(skillIds()).isEqualTo(before);
		assertThat(count("skill_resource")).isEqualTo(resources);
		assertThat(count("stage")).isEqualTo(10);
	}

	@Test
	void editingTheFileKeepsIdsAndRetiresWhatWasRemoved() {
		load(yaml("alpha", List.of("first", "second")));
		Map<String, Long> before = skillIds();

		load(yaml("alpha", List.of("second", "third")));

		Map<String, Long> after = skillIds();
		assertThat(after.get("alpha/second")).isEqualTo(before.get("alpha/second"));
		assertThat(after.get("alpha/first")).isEqualTo(before.get("alpha/first"));
		assertThat(this.stored.read()).singleElement()
			.satisfies((stage) -> assertThat(stage.slug()).isEqualTo("alpha"))
			.satisfies(
					(stage) -> assertThat(stage.skills()).extracting(Skill::slug).containsExactly("second", "third"));
	}

	@Test
	void aRetiredSkillComesBackWithItsIdWhenRestored() {
		load(yaml("alpha", List.of("first", "second")));
		long firstId = skillIds().get("alpha/first");

		load(yaml("alpha", List.of("second")));
		load(yaml("alpha", List.of("first", "second")));

		assertThat(this.stored.read().get(0).skills()).extracting(Skill::id).contains(firstId);
	}

	private void load(Resource resource) {
		new RoadmapContentLoader(this.jdbc).load(this.reader.read(resource));
	}

	private Map<String, Long> skillIds() {
		return this.jdbc
			.sql("select st.slug || '/' || sk.slug as key, sk.id from skill sk join stage st on st.id = sk.stage_id")
			.query((rs, row) -> Map.entry(rs.getString("key"), rs.getLong("id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static ByteArrayResource yaml(String stage, List<String> skills) {
		StringBuilder yaml = new StringBuilder("""
				stages:
				  - slug: %s
				    title: Edited stage
				    summary: S
				    explanation: E
				    skills:
				""".formatted(stage));
		for (String skill : skills) {
			yaml.append("""
					      - slug: %s
					        title: Skill %s
					        description: D
					        resources:
					          - title: Learn
					            url: https://example.com/%s
					""".formatted(skill, skill, skill));
		}
		return new ByteArrayResource(yaml.toString().getBytes(StandardCharsets.UTF_8), "edited content");
	}

}
