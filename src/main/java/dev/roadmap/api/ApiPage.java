package dev.roadmap.api;

import java.util.List;
import java.util.function.Function;

import dev.roadmap.shared.PageOf;
import dev.roadmap.shared.RefusedInputException;

/**
 * One page of a list the API answers, numbered from 1, as JSON: {@code items},
 * {@code page}, {@code size}, {@code total} and {@code next} (the number of the next
 * page, null on the last), so a client asks for {@code next} to go on. It is a
 * {@link PageOf} underneath, so the API and the pages count pages one way. Lists that
 * grow without end (history) use cursors instead.
 */
public final class ApiPage<T> {

	/** How many items a page may hold. */
	static final int MAX_SIZE = 100;

	private final PageOf<T> of;

	private ApiPage(PageOf<T> of) {
		this.of = of;
	}

	static <S, T> ApiPage<T> of(PageOf<S> page, Function<S, T> item) {
		return new ApiPage<>(
				new PageOf<>(page.items().stream().map(item).toList(), page.number(), page.size(), page.total()));
	}

	public List<T> getItems() {
		return this.of.items();
	}

	public int getPage() {
		return this.of.number();
	}

	public int getSize() {
		return this.of.size();
	}

	/** How many items there are in all. */
	public long getTotal() {
		return this.of.total();
	}

	/** The number of the next page, or null if this is the last. */
	public Integer getNext() {
		return this.of.hasNext() ? this.of.number() + 1 : null;
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
