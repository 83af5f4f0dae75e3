package dev.roadmap.progress.review.internal;

import org.springframework.data.repository.Repository;

/**
 * The review actions, appended only.
 */
interface ReviewEvents extends Repository<ReviewEvent, Long> {

	ReviewEvent save(ReviewEvent event);

}
