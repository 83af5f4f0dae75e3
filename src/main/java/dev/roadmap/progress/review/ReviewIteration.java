package dev.roadmap.progress.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One submission of evidence for a review, as it was submitted: iterations are numbered
 * from 1 and never change.
 */
public record ReviewIteration(int number, Evidence evidence, Instant submittedAt) {

	private static final List<String> FIELDS = List.of("url", "liveUrl", "note");

	/**
	 * The parts of the evidence that differ from an earlier iteration's, by form field
	 * ({@code url}, {@code liveUrl}, {@code note}), in that order.
	 */
	public List<String> changedSince(ReviewIteration earlier) {
		return FIELDS.stream()
			.filter((field) -> !Objects.equals(this.evidence.field(field), earlier.evidence.field(field)))
			.toList();
	}

}
