package dev.roadmap.progress;

import java.time.LocalDate;

/**
 * Days in a row with at least one status change, in the learner's time zone.
 *
 * @param current the run that ends on the last active day, while that day is today or
 * yesterday; else 0
 * @param longest the longest run ever
 * @param lastActive the last day with a change, or null if there is none
 */
public record Streaks(int current, int longest, LocalDate lastActive) {

	public static final Streaks NONE = new Streaks(0, 0, null);

}
