package dev.roadmap.roadmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.roadmap.internal.StoredRoadmap;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * The roadmap: the stages and skills that are not retired, in the order of the content
 * file. It changes only when a deployment brings a new content file, which Flyway loads
 * before the application starts, so it is read from the database once, when the
 * application has started, and then served from memory: pages read no content from the
 * database.
 */
@Service
public class RoadmapService implements SmartInitializingSingleton {

	private final StoredRoadmap stored;

	private volatile Content content;

	RoadmapService(StoredRoadmap stored) {
		this.stored = stored;
	}

	/**
	 * Reads the content once every singleton, Flyway's migration among them, is ready.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		content();
	}

	/**
	 * Every stage, in order, with its skills.
	 */
	public List<Stage> stages() {
		return content().stages();
	}

	public Optional<Stage> stage(String slug) {
		return Optional.ofNullable(content().stagesBySlug().get(slug));
	}

	public Optional<Skill> skill(String stageSlug, String skillSlug) {
		return Optional.ofNullable(content().skillsByKey().get(stageSlug + "/" + skillSlug));
	}

	/**
	 * A current skill by its id.
	 */
	public Optional<Skill> skill(long skillId) {
		return Optional.ofNullable(content().skillsById().get(skillId));
	}

	/**
	 * Whether the skill is on the roadmap now (not retired).
	 */
	public boolean isCurrent(long skillId) {
		return content().skillsById().containsKey(skillId);
	}

	private Content content() {
		Content current = this.content;
		if (current == null) {
			synchronized (this) {
				current = this.content;
				if (current == null) {
					current = Content.of(this.stored.read());
					this.content = current;
				}
			}
		}
		return current;
	}

	/**
	 * The stages with indexes for the lookups pages make on every request.
	 */
	private record Content(List<Stage> stages, Map<String, Stage> stagesBySlug, Map<String, Skill> skillsByKey,
			Map<Long, Skill> skillsById) {

		static Content of(List<Stage> stages) {
			Map<String, Stage> bySlug = new HashMap<>();
			Map<String, Skill> byKey = new HashMap<>();
			Map<Long, Skill> byId = new HashMap<>();
			for (Stage stage : stages) {
				bySlug.put(stage.slug(), stage);
				for (Skill skill : stage.skills()) {
					byKey.put(skill.key(), skill);
					byId.put(skill.id(), skill);
				}
			}
			return new Content(List.copyOf(stages), Map.copyOf(bySlug), Map.copyOf(byKey), Map.copyOf(byId));
		}

	}

}
