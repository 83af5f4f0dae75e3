package dev.roadmap.progress.review;

import java.time.Instant;

/**
 * One message in a review's conversation.
 *
 * @param authorName the author's display name, or null if their account was deleted
 * @param body what they wrote, in Markdown
 * @param html the body rendered as safe HTML, as notes are
 * @param iteration the iteration that was current when it was written
 */
public record ReviewComment(long id, Long authorId, String authorName, String body, String html, Instant createdAt,
		int iteration) {
}
