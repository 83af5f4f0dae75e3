package dev.roadmap.progress;

import java.time.LocalDate;

/**
 * How many skills a learner had done at the end of a calendar day.
 */
public record DoneCount(LocalDate date, int done) {
}
