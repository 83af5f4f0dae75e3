package dev.roadmap.progress;

import java.time.YearMonth;

/**
 * A month of the activity calendar in numbers: days with at least one status change, and
 * the changes.
 */
public record MonthCount(YearMonth month, int activeDays, int changes) {
}
