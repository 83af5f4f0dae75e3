package dev.roadmap.admin;

import java.util.List;

import dev.roadmap.admin.internal.AuditEntries;
import dev.roadmap.shared.PageOf;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of admin actions. An entry is written in the transaction of the change it
 * records, so a change that fails leaves no entry and an entry never describes a change
 * that did not happen.
 */
@Service
public class AuditLog {

	private final AuditEntries entries;

	AuditLog(AuditEntries entries) {
		this.entries = entries;
	}

	/**
	 * Writes an entry; must be called inside the transaction that makes the change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Actor actor, AuditAction action, AuditTarget target, String before, String after) {
		this.entries.insert(actor, action, target, before, after);
	}

	/**
	 * A page of the log, newest first; a page past the last one gives the last page.
	 * @param page the page number, from 1
	 */
	@Transactional(readOnly = true)
	public PageOf<AuditEntry> page(int page, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("A page holds at least one entry");
		}
		long total = this.entries.count();
		int current = PageOf.within(page, size, total);
		List<AuditEntry> list = (total > 0) ? this.entries.newestFirst(PageOf.offsetOf(current, size), size)
				: List.of();
		return new PageOf<>(list, current, size, total);
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.entries.count();
	}

}
