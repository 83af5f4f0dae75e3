package dev.roadmap.roadmap.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.roadmap.roadmap.LearningResource;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the roadmap as the content loader left it in the database: the stages and skills
 * that are not retired, in the order of the content file, in three statements whatever
 * the size of the roadmap.
 */
@Component
public class StoredRoadmap {

	// Each column named: query(Class) looks a field such as displayName up by that name
	// first, and every miss throws an SQLException, row after row.
	private static final RowMapper<SkillRow> SKILLS = (rs, row) -> new SkillRow(rs.getLong("id"),
			rs.getLong("stage_id"), rs.getString("slug"), rs.getString("title"), rs.getString("description"),
			rs.getBoolean("reviewable"));

	private final JdbcClient jdbc;

	public StoredRoadmap(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Stage> read() {
		List<StageRow> stages = this.jdbc.sql("""
				select id, slug, row_number() over (order by position) as number, title, summary, explanation
				from stage where not retired order by position""").query(StageRow.class).list();
		if (stages.isEmpty()) {
			return List.of();
		}
		List<SkillRow> skills = this.jdbc.sql("""
				select sk.id, sk.stage_id, sk.slug, sk.title, sk.description, sk.reviewable
				from skill sk join stage st on st.id = sk.stage_id and not st.retired
				where not sk.retired order by sk.stage_id, sk.position""").query(SKILLS).list();
		Map<Long, List<LearningResource>> resources = resources();
		Map<Long, String> slugs = new LinkedHashMap<>();
		stages.forEach((stage) -> slugs.put(stage.id(), stage.slug()));
		Map<Long, List<Skill>> skillsByStage = new LinkedHashMap<>();
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

	private Map<Long, List<LearningResource>> resources() {
		Map<Long, List<LearningResource>> resources = new LinkedHashMap<>();
		this.jdbc.sql("select skill_id, title, url from skill_resource order by skill_id, position").query((rs) -> {
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
