package dev.roadmap.account;

import java.util.List;

/**
 * One page of accounts. Pages are numbered from 1; {@code total} counts every match.
 */
public record AccountPage(List<Account> accounts, int page, int size, long total) {

	public AccountPage {
		accounts = List.copyOf(accounts);
	}

	/**
	 * How many pages the matches fill; at least 1, so an empty result is one empty page.
	 */
	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

}
