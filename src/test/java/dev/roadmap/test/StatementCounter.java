package dev.roadmap.test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread runs while {@link #count} records, and
 * keeps their SQL to say what ran when a count is wrong. Import {@link CountStatements}
 * into a test to wrap the application's DataSource; tests that do share one application
 * context.
 */
public class StatementCounter implements BeanPostProcessor, QueryExecutionListener {

	private volatile Thread recording;

	private final List<String> sql = new ArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(beanName, dataSource).listener(this).build();
		}
		return bean;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		if (Thread.currentThread() == this.recording) {
			synchronized (this.sql) {
				this.sql.add(queries.isEmpty() ? "?" : queries.get(0).getQuery().strip());
			}
		}
	}

	public <T> Counted<T> count(Supplier<T> action) {
		synchronized (this.sql) {
			this.sql.clear();
		}
		this.recording = Thread.currentThread();
		try {
			T result = action.get();
			synchronized (this.sql) {
				return new Counted<>(result, this.sql.size(), List.copyOf(this.sql));
			}
		}
		finally {
			this.recording = null;
		}
	}

	/**
	 * What an action returned and the statements it ran.
	 */
	public record Counted<T>(T result, int statements, List<String> sql) {
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
