package dev.roadmap.progress;

/**
 * Progress over a set of skills: done ÷ (all − skipped). Skipped skills leave the count,
 * so a stage whose every skill is skipped or done is complete.
 */
public record Progress(int done, int skipped, int total) {

	public static final Progress NONE = new Progress(0, 0, 0);

	public Progress plus(Progress other) {
		return new Progress(this.done + other.done, this.skipped + other.skipped, this.total + other.total);
	}

	/**
	 * The skills that count: all but the skipped ones.
	 */
	public int counted() {
		return this.total - this.skipped;
	}

	/**
	 * Whole percent, rounded down so that 100 means truly finished.
	 */
	public int percent() {
		if (this.total == 0) {
			return 0;
		}
		if (counted() == 0) {
			return 100;
		}
		return this.done * 100 / counted();
	}

	public boolean complete() {
		return this.total > 0 && this.done == counted();
	}

}
