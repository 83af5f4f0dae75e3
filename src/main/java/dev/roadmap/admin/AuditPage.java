package dev.roadmap.admin;

import java.util.List;

/**
 * One page of the audit log, newest first. Pages are numbered from 1.
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

	public AuditPage {
		entries = List.copyOf(entries);
	}

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

}
