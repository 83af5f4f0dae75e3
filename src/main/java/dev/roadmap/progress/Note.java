package dev.roadmap.progress;

import java.time.Instant;

/**
 * A learner's private note on a skill.
 *
 * @param markdown the note as written
 * @param html the note rendered from Markdown, with any HTML the learner typed escaped
 * and only safe links kept, so it can be shown as is
 */
public record Note(long skillId, String markdown, String html, Instant updatedAt) {
}
