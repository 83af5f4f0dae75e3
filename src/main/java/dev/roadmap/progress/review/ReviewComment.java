package dev.roadmap.progress.review;

import java.time.Instant;

/**
 * One message in a review's conversation.
 *
 * @param authorName the author's display name, or null if their account was deleted
 */
public record ReviewComment(long id, Long authorId, String authorName, String body, Instant createdAt) {
}
