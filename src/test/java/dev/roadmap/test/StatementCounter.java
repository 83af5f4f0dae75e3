package dev.roadmap.test;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements run while {@link #count} or {@link #countRequest} records, at
 * the JDBC level (whatever runs the queries: JdbcClient, Hibernate or Spring Session),
 * and keeps for each its SQL and the transaction it ran in, to say what ran when a count
 * is wrong. Import {@link CountStatements} into a test to wrap the application's
 * DataSource; tests that do share one application context.
 */
public class StatementCounter implements BeanPostProcessor, QueryExecutionListener, MethodExecutionListener {

	private volatile Predicate<Thread> recording;

	private final List<Statement> statements = new ArrayList<>();

	/**
	 * Per thread, how many transactions it ended (commit or rollback) while recording:
	 * statements between two ends belong to one transaction.
	 */
	private final Map<Thread, Integer> transactionsEnded = new HashMap<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(beanName, dataSource).listener(this).methodListener(this).build();
		}
		return bean;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Thread thread = Thread.currentThread();
		Predicate<Thread> recording = this.recording;
		if (recording == null || !recording.test(thread)) {
			return;
		}
		String sql = queries.isEmpty() ? "?" : queries.get(0).getQuery().strip();
		boolean inTransaction;
		boolean readOnly;
		try {
			Connection connection = execution.getStatement().getConnection();
			inTransaction = !connection.getAutoCommit();
			readOnly = connection.isReadOnly();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		synchronized (this.statements) {
			String transaction = inTransaction ? thread.getName() + "#" + this.transactionsEnded.getOrDefault(thread, 0)
					: null;
			this.statements.add(new Statement(sql, transaction, readOnly));
		}
	}

	@Override
	public void beforeMethod(MethodExecutionContext context) {
	}

	@Override
	public void afterMethod(MethodExecutionContext context) {
		Method method = context.getMethod();
		Thread thread = Thread.currentThread();
		Predicate<Thread> recording = this.recording;
		if (recording != null && recording.test(thread) && Connection.class.equals(method.getDeclaringClass())
				&& (method.getName().equals("commit") || method.getName().equals("rollback"))) {
			synchronized (this.statements) {
				this.transactionsEnded.merge(thread, 1, Integer::sum);
			}
		}
	}

	/**
	 * Counts what the current thread runs during the action.
	 */
	public <T> Counted<T> count(Supplier<T> action) {
		Thread self = Thread.currentThread();
		return record((thread) -> thread == self, action::get);
	}

	/**
	 * Counts what the embedded server's request threads run while the action sends a
	 * request to it and waits for the answer: the whole request, from the session's read
	 * to its save.
	 */
	public <T> Counted<T> countRequest(Callable<T> request) {
		return record((thread) -> thread.getName().startsWith("http-nio-"), request);
	}

	private <T> Counted<T> record(Predicate<Thread> threads, Callable<T> action) {
		synchronized (this.statements) {
			this.statements.clear();
			this.transactionsEnded.clear();
		}
		this.recording = threads;
		try {
			T result = action.call();
			synchronized (this.statements) {
				return new Counted<>(result, List.copyOf(this.statements));
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.recording = null;
		}
	}

	/**
	 * One statement: its SQL, the transaction it ran in (null in auto-commit) and whether
	 * that was read-only.
	 */
	public record Statement(String sql, String transaction, boolean readOnly) {

		/**
		 * Whether Spring Session ran it, to read or save the session.
		 */
		public boolean session() {
			return this.sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION");
		}

		public boolean writes() {
			String verb = this.sql.stripLeading().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
			return List.of("insert", "update", "delete", "merge").contains(verb);
		}

		@Override
		public String toString() {
			return ((this.transaction != null) ? "[" + this.transaction + (this.readOnly ? " read-only] " : "] ")
					: "[auto-commit] ") + this.sql.replaceAll("\\s+", " ");
		}

	}

	/**
	 * What an action returned and the statements it ran.
	 */
	public record Counted<T>(T result, List<Statement> all) {

		public int statements() {
			return this.all.size();
		}

		public List<String> sql() {
			return this.all.stream().map(Statement::sql).toList();
		}

		/**
		 * The statements other than the session's.
		 */
		public List<Statement> page() {
			return this.all.stream().filter((statement) -> !statement.session()).toList();
		}

	}

	/**
	 * Wraps the application's DataSource so that every statement it runs can be counted.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class CountStatements {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

}
