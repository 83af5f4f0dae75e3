package dev.roadmap.account;

import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of a {@link PersonalData} export that are read while the export is written, not
 * before: a query is run when the export reaches them, its rows are written as they come
 * from the database, and its result set is closed when the last is written. A user's
 * history of any length then never has to fit in memory. Serialises as a JSON array.
 *
 * @param <T> the row's type
 */
public final class ExportRows<T> implements Iterable<T> {

	/**
	 * Rows fetched from the database at a time by {@link #client}.
	 */
	public static final int FETCH_SIZE = 500;

	private final Supplier<Stream<T>> query;

	private ExportRows(Supplier<Stream<T>> query) {
		this.query = query;
	}

	/**
	 * The rows the query will stream (a {@code query(...).stream()} of a
	 * {@link #client}), run when the export gets to them.
	 */
	public static <T> ExportRows<T> of(Supplier<Stream<T>> query) {
		return new ExportRows<>(query);
	}

	/**
	 * A client for the queries of export rows: it reads {@value #FETCH_SIZE} rows at a
	 * time (a cursor, inside the export's transaction) instead of the whole result.
	 */
	public static JdbcClient client(JdbcTemplate template) {
		JdbcTemplate batches = new JdbcTemplate(template.getDataSource());
		batches.setFetchSize(FETCH_SIZE);
		return JdbcClient.create(batches);
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
