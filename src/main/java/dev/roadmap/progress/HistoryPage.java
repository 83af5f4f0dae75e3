package dev.roadmap.progress;

import java.util.List;

/**
 * A page of a learner's history, newest first.
 */
public record HistoryPage(List<HistoryEntry> entries, int page, int size, long total) {

	public HistoryPage {
		entries = List.copyOf(entries);
	}

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return this.page + 1 < pages();
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

}
