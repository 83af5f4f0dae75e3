package dev.roadmap.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writes at once, in the order that tests a rule: {@code first} runs in a transaction
 * that stays open until {@code second}, run beside it, has either finished or is waiting
 * for one of its locks; then {@code first} commits and {@code second} is waited for. An
 * exception of either fails the race.
 */
public final class TransactionRace {

	private TransactionRace() {
	}

	public static void run(PlatformTransactionManager transactionManager, JdbcClient jdbc, Runnable first,
			Runnable second) throws Exception {
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		long[] firstBackend = { 0 };
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> one = pool.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult((tx) -> {
				first.run();
				firstBackend[0] = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
				firstWrote.countDown();
				awaitQuietly(commit);
			}));
			assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> two = pool.submit(second);
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> two.isDone() || blockedBy(jdbc, firstBackend[0]));
			commit.countDown();
			one.get(30, TimeUnit.SECONDS);
			two.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
	}

	private static boolean blockedBy(JdbcClient jdbc, long backend) {
		return jdbc.sql("select exists (select 1 from pg_stat_activity where :backend = any (pg_blocking_pids(pid)))")
			.param("backend", backend)
			.query(Boolean.class)
			.single();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
