package dev.roadmap.system;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions Spring Session's JDBC repository runs its statements in: a new one for
 * each save or delete, as Spring Session does by default, but none for reading a session,
 * which is one statement (the session and its attributes, joined) and needs no
 * transaction to see one consistent row set. That read comes with nearly every request;
 * in a transaction of its own it cost a {@code COMMIT} and the transaction manager's work
 * each time, about a tenth of a status change's time.
 */
final class SessionTransactions implements TransactionOperations {

	private static final ThreadLocal<Boolean> reading = new ThreadLocal<>();

	private final TransactionTemplate transactional;

	SessionTransactions(PlatformTransactionManager transactions) {
		this.transactional = new TransactionTemplate(transactions);
		this.transactional.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Runs the read without a transaction: only the repository's first call inside it, so
	 * that what the repository does after reading (deleting an expired session) still
	 * runs in a transaction of its own.
	 */
	static <T> T read(Supplier<T> read) {
		reading.set(Boolean.TRUE);
		try {
			return read.get();
		}
		finally {
			reading.remove();
		}
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) throws TransactionException {
		if (Boolean.TRUE.equals(reading.get())) {
			reading.remove();
			return TransactionOperations.withoutTransaction().execute(action);
		}
		return this.transactional.execute(action);
	}

}
