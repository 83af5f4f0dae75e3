package dev.roadmap.progress;

import java.util.Map;

/**
 * A learner's progress over the whole roadmap and per stage (by stage slug).
 */
public record RoadmapProgress(Progress overall, Map<String, Progress> stages) {

	public RoadmapProgress {
		stages = Map.copyOf(stages);
	}

	public Progress stage(String slug) {
		return this.stages.getOrDefault(slug, Progress.NONE);
	}

}
