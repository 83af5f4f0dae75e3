package dev.roadmap.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the roadmap: the stages and skills that are not retired, in the order of the
 * content file. Every read takes the same three statements whatever the size of the
 * roadmap.
 */
@Service
public class RoadmapService {

	private final JdbcClient jdbc;

	RoadmapService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every stage, in order, with its skills.
	 */
	public List<Stage> stages() {
		return read(null);
	}

	public Optional<Stage> stage(String slug) {
		return read(slug).stream().findFirst();
	}

	public Optional<Skill> skill(String stageSlug, String skillSlug) {
		return stage(stageSlug)
			.flatMap((stage) -> stage.skills().stream().filter((skill) -> skill.slug().equals(skillSlug)).findFirst());
	}

	/**
	 * A current skill by its id.
	 */
	public Optional<Skill> skill(long skillId) {
		return stages().stream()
			.flatMap((stage) -> stage.skills().stream())
			.filter((skill) -> skill.id() == skillId)
			.findFirst();
	}

	private List<Stage> read(String onlySlug) {
		List<StageRow> stages = this.jdbc.sql("""
				select id, slug, row_number() over (order by position) as number, title, summary, explanation
				from stage where not retired order by position""").query(StageRow.class).list();
		if (onlySlug != null) {
			stages = stages.stream().filter((stage) -> stage.slug().equals(onlySlug)).toList();
		}
		if (stages.isEmpty()) {
			return List.of();
		}
		List<Long> stageIds = stages.stream().map(StageRow::id).toList();
		List<SkillRow> skills = this.jdbc.sql("""
				select id, stage_id, slug, title, description, reviewable from skill
				where not retired and stage_id in (:stageIds) order by stage_id, position""")
			.param("stageIds", stageIds)
			.query(SkillRow.class)
			.list();
		Map<Long, List<LearningResource>> resources = resourcesOf(skills);
		Map<Long, List<Skill>> skillsByStage = new LinkedHashMap<>();
		Map<Long, String> slugs = new LinkedHashMap<>();
		stages.forEach((stage) -> slugs.put(stage.id(), stage.slug()));
		for (SkillRow row : skills) {
			Skill skill = new Skill(row.id(), slugs.get(row.stageId()), row.slug(), row.title(), row.description(),
					row.reviewable(), resources.getOrDefault(row.id(), List.of()));
			skillsByStage.computeIfAbsent(row.stageId(), (id) -> new ArrayList<>()).add(skill);
		}
		return stages.stream()
			.map((row) -> new Stage(row.id(), row.slug(), row.number(), row.title(), row.summary(), row.explanation(),
					skillsByStage.getOrDefault(row.id(), List.of())))
			.toList();
	}

	private Map<Long, List<LearningResource>> resourcesOf(List<SkillRow> skills) {
		if (skills.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<LearningResource>> resources = new LinkedHashMap<>();
		this.jdbc
			.sql("select skill_id, title, url from skill_resource where skill_id in (:skillIds) "
					+ "order by skill_id, position")
			.param("skillIds", skills.stream().map(SkillRow::id).toList())
			.query((rs) -> {
				resources.computeIfAbsent(rs.getLong("skill_id"), (id) -> new ArrayList<>())
					.add(new LearningResource(rs.getString("title"), rs.getString("url")));
			});
		return resources;
	}

	private record StageRow(long id, String slug, int number, String title, String summary, String explanation) {
	}

	private record SkillRow(long id, long stageId, String slug, String title, String description, boolean reviewable) {
	}

}
