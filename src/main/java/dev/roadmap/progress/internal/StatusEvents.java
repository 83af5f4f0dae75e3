package dev.roadmap.progress.internal;

import org.springframework.data.repository.Repository;

/**
 * The learners' status changes, appended only.
 */
public interface StatusEvents extends Repository<StatusEvent, Long> {

	StatusEvent save(StatusEvent event);

}
