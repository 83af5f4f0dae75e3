package dev.roadmap.progress.review;

import java.time.Instant;

/**
 * Who is reviewing a request, since when, and when they last touched it.
 */
public record Claim(long mentorId, String mentorName, Instant claimedAt, Instant touchedAt) {

	public boolean heldBy(long mentorId) {
		return this.mentorId == mentorId;
	}

}
