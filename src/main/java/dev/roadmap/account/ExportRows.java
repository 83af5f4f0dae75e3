package dev.roadmap.account;

import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Rows of a {@link PersonalData} export that are read while the export is written, not
 * before: a query is run when the export reaches them, its rows are written as they come
 * from the database, and its result set is closed when the last is written. A user's
 * history of any length then never has to fit in memory. Serialises as a JSON array.
 *
 * @param <T> the row's type
 */
public final class ExportRows<T> implements Iterable<T> {

	private final Supplier<Stream<T>> query;

	private ExportRows(Supplier<Stream<T>> query) {
		this.query = query;
	}

	/**
	 * The rows the query will stream (for example {@code JdbcClient}'s
	 * {@code query(...).stream()} on a connection with a fetch size), run when the export
	 * gets to them.
	 */
	public static <T> ExportRows<T> of(Supplier<Stream<T>> query) {
		return new ExportRows<>(query);
	}

	@Override
	public Iterator<T> iterator() {
		Stream<T> rows = this.query.get();
		Iterator<T> iterator = rows.iterator();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				boolean more = iterator.hasNext();
				if (!more) {
					rows.close();
				}
				return more;
			}

			@Override
			public T next() {
				return iterator.next();
			}

		};
	}

}
