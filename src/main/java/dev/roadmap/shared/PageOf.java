package dev.roadmap.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list that is too long to show at once, as every paged list hands it to
 * its page and {@code templates/fragments/pager.html} draws it. Pages are numbered from
 * 1; a list with nothing in it is one empty page. A page past the last one is allowed (an
 * old link): it has no items, and its way back is to the page before it.
 *
 * @param <T> what the list holds
 * @param items what this page shows
 * @param number the page's number, from 1
 * @param size how many items a page holds
 * @param total how many items the list holds in all
 */
public record PageOf<T>(List<T> items, int number, int size, long total) {

	/**
	 * Stands for the skipped pages in {@link #numbers()}.
	 */
	public static final int GAP = 0;

	private static final int NEAR = 2;

	public PageOf {
		items = List.copyOf(items);
		if (number < 1) {
			throw new IllegalArgumentException("Pages are numbered from 1, not " + number);
		}
		if (size < 1) {
			throw new IllegalArgumentException("A page holds at least one item");
		}
	}

	/**
	 * How many pages the list fills; at least 1, so an empty list is "page 1 of 1".
	 */
	public int pages() {
		return pagesFor(this.total, this.size);
	}

	public boolean hasPrevious() {
		return this.number > 1;
	}

	public boolean hasNext() {
		return this.number < pages();
	}

	/**
	 * How many items come before this page: where a query starts reading it.
	 */
	public long offset() {
		return offsetOf(this.number, this.size);
	}

	/**
	 * The numbers to link to: the first and last page and those near this one, with a
	 * {@link #GAP} where pages are skipped ({@code 1 0 4 5 6 7 8 0 20}).
	 */
	public List<Integer> numbers() {
		List<Integer> numbers = new ArrayList<>();
		int pages = pages();
		for (int page = 1; page <= pages; page++) {
			if (page == 1 || page == pages || Math.abs(page - this.number) <= NEAR) {
				numbers.add(page);
			}
			else if (numbers.get(numbers.size() - 1) != GAP) {
				numbers.add(GAP);
			}
		}
		return numbers;
	}

	/**
	 * How many pages a list of that many items fills, at least 1.
	 */
	public static int pagesFor(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/**
	 * How many items come before the page of that number.
	 */
	public static long offsetOf(int number, int size) {
		return (long) (number - 1) * size;
	}

	/**
	 * The page number to read for a number asked for: at least 1, and at most the last
	 * page of a list of that many items.
	 */
	public static int within(int number, int size, long total) {
		return Math.min(Math.max(number, 1), pagesFor(total, size));
	}

}
