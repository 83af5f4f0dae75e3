package dev.roadmap.roadmap.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the content file into the roadmap tables. Stages and skills are matched by their
 * permanent slugs, so their ids, and every learner's progress that refers to them,
 * survive any edit of the file; what the file no longer lists is retired, never deleted.
 * Running it twice with the same content changes nothing.
 */
class RoadmapContentLoader {

	private final JdbcClient jdbc;

	RoadmapContentLoader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void load(RoadmapContent content) {
		List<String> stageSlugs = new ArrayList<>();
		int position = 0;
		for (RoadmapContent.StageEntry stage : content.stages()) {
			stageSlugs.add(stage.slug());
			long stageId = upsertStage(stage, ++position);
			loadSkills(stageId, stage.skills());
		}
		this.jdbc.sql("update stage set retired = true where not (slug = any(:slugs))")
			.param("slugs", stageSlugs.toArray(String[]::new))
			.update();
	}

	private long upsertStage(RoadmapContent.StageEntry stage, int position) {
		return this.jdbc.sql("""
				insert into stage (slug, position, title, summary, explanation, retired)
				values (:slug, :position, :title, :summary, :explanation, false)
				on conflict (slug) do update set position = excluded.position, title = excluded.title,
					summary = excluded.summary, explanation = excluded.explanation, retired = false
				returning id""")
			.param("slug", stage.slug())
			.param("position", position)
			.param("title", stage.title().strip())
			.param("summary", stage.summary().strip())
			.param("explanation", stage.explanation().strip())
			.query(Long.class)
			.single();
	}

	private void loadSkills(long stageId, List<RoadmapContent.SkillEntry> skills) {
		List<String> skillSlugs = new ArrayList<>();
		int position = 0;
		for (RoadmapContent.SkillEntry skill : skills) {
			skillSlugs.add(skill.slug());
			long skillId = upsertSkill(stageId, skill, ++position);
			replaceResources(skillId, skill.resourcesOrEmpty());
		}
		this.jdbc.sql("update skill set retired = true where stage_id = :stageId and not (slug = any(:slugs))")
			.param("stageId", stageId)
			.param("slugs", skillSlugs.toArray(String[]::new))
			.update();
	}

	private long upsertSkill(long stageId, RoadmapContent.SkillEntry skill, int position) {
		return this.jdbc.sql("""
				insert into skill (stage_id, slug, position, title, description, reviewable, retired)
				values (:stageId, :slug, :position, :title, :description, :reviewable, false)
				on conflict (stage_id, slug) do update set position = excluded.position, title = excluded.title,
					description = excluded.description, reviewable = excluded.reviewable, retired = false
				returning id""")
			.param("stageId", stageId)
			.param("slug", skill.slug())
			.param("position", position)
			.param("title", skill.title().strip())
			.param("description", skill.description().strip())
			.param("reviewable", skill.isReviewable())
			.query(Long.class)
			.single();
	}

	private void replaceResources(long skillId, List<RoadmapContent.ResourceEntry> resources) {
		this.jdbc.sql("delete from skill_resource where skill_id = :skillId").param("skillId", skillId).update();
		int position = 0;
		for (RoadmapContent.ResourceEntry resource : resources) {
			this.jdbc
				.sql("insert into skill_resource (skill_id, position, title, url) "
						+ "values (:skillId, :position, :title, :url)")
				.param("skillId", skillId)
				.param("position", ++position)
				.param("title", resource.title().strip())
				.param("url", resource.url().strip())
				.update();
		}
	}

}
