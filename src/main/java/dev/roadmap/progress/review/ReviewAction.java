package dev.roadmap.progress.review;

/**
 * Something that happened in a review, recorded as an event.
 */
public enum ReviewAction {

	REQUESTED, COMMENTED, CHANGES_REQUESTED, APPROVED

}
