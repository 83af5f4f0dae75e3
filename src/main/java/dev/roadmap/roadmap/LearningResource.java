package dev.roadmap.roadmap;

/**
 * A link to an official place to learn a skill.
 */
public record LearningResource(String title, String url) {
}
