package dev.roadmap.progress.review.internal;

import org.springframework.data.repository.Repository;

/**
 * The iterations of reviews, only ever added to.
 */
interface Iterations extends Repository<Iteration, Iteration.Key> {

	Iteration save(Iteration iteration);

}
