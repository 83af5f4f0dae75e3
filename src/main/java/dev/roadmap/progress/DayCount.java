package dev.roadmap.progress;

import java.time.LocalDate;

/**
 * How many status changes a learner made on one calendar day of their time zone.
 */
public record DayCount(LocalDate date, int changes) {

	/**
	 * The day's shade on the activity calendar: 0 for none, then 1, 2–3, 4–6 and 7 or
	 * more changes. Fixed steps, so a shade means the same whatever the busiest day was.
	 */
	public int level() {
		if (this.changes <= 0) {
			return 0;
		}
		if (this.changes == 1) {
			return 1;
		}
		if (this.changes <= 3) {
			return 2;
		}
		return (this.changes <= 6) ? 3 : 4;
	}

}
