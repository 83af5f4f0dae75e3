package dev.roadmap.roadmap.internal;

import java.util.List;

/**
 * The content file as written: the stages in order, each with its skills.
 */
record RoadmapContent(List<StageEntry> stages) {

	record StageEntry(String slug, String title, String summary, String explanation, List<SkillEntry> skills) {
	}

	record SkillEntry(String slug, String title, String description, Boolean reviewable,
			List<ResourceEntry> resources) {

		boolean isReviewable() {
			return Boolean.TRUE.equals(this.reviewable);
		}

		List<ResourceEntry> resourcesOrEmpty() {
			return (this.resources != null) ? this.resources : List.of();
		}

	}

	record ResourceEntry(String title, String url) {
	}

}
