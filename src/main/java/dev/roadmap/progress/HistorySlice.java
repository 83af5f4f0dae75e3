package dev.roadmap.progress;

import java.util.List;

/**
 * A slice of a learner's history, newest first, and the cursor after its last entry if
 * there are more (else null).
 */
public record HistorySlice(List<HistoryEntry> entries, HistoryCursor next) {

	public HistorySlice {
		entries = List.copyOf(entries);
	}

}
