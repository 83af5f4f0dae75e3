package dev.roadmap.progress.review.internal;

import org.springframework.data.repository.Repository;

/**
 * The conversations of reviews.
 */
interface ReviewMessages extends Repository<ReviewMessage, Long> {

	ReviewMessage save(ReviewMessage message);

}
