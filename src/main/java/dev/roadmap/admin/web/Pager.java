package dev.roadmap.admin.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The page links of a paginated list: the first and last page, and the pages near the
 * current one. A {@code 0} in {@link #numbers()} stands for skipped pages.
 */
record Pager(int page, int totalPages) {

	static final int GAP = 0;

	private static final int NEAR = 2;

	public List<Integer> numbers() {
		List<Integer> numbers = new ArrayList<>();
		for (int number = 1; number <= this.totalPages; number++) {
			boolean shown = number == 1 || number == this.totalPages || Math.abs(number - this.page) <= NEAR;
			if (shown) {
				numbers.add(number);
			}
			else if (numbers.get(numbers.size() - 1) != GAP) {
				numbers.add(GAP);
			}
		}
		return numbers;
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < this.totalPages;
	}

}
