package dev.roadmap.api;

import java.util.List;
import java.util.function.Function;

import dev.roadmap.shared.PageOf;
import dev.roadmap.shared.RefusedInputException;

/**
 * One page of a list the API answers, numbered from 1: ask for {@code next} (null on the
 * last page) to go on. Lists that grow without end (history) use cursors instead.
 *
 * @param total how many items there are in all
 * @param next the number of the next page, or null if this is the last
 */
public record ApiPage<T>(List<T> items, int page, int size, long total, Integer next) {

	/** How many items a page may hold. */
	static final int MAX_SIZE = 100;

	static <S, T> ApiPage<T> of(PageOf<S> page, Function<S, T> item) {
		return new ApiPage<>(page.items().stream().map(item).toList(), page.number(), page.size(), page.total(),
				page.hasNext() ? page.number() + 1 : null);
	}

	/**
	 * Refuses a page number or size out of range, naming the parameter.
	 */
	static void requireValid(int page, int size) {
		if (page < 1) {
			throw new RefusedInputException("page", "api.pageRange");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new RefusedInputException("size", "api.sizeRange", MAX_SIZE);
		}
	}

}
