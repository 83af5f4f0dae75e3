package dev.roadmap.account.login;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.roadmap.account.rememberme.RememberMeTokens;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clean-up on several instances at once (two schedulers sharing nothing but the
 * database): it runs once per interval, whichever instance asks first.
 */
@RoadmapIntegrationTest
class LoginCleanupIntegrationTests {

	private final JdbcClient jdbc;

	private final LoginCleanup first;

	private final LoginCleanup second;

	@Autowired
	LoginCleanupIntegrationTests(JdbcClient jdbc, LoginThrottle throttle, RememberMeTokens tokens,
			LoginProperties properties) {
		this.jdbc = jdbc;
		this.first = new LoginCleanup(throttle, tokens, jdbc, properties);
		this.second = new LoginCleanup(throttle, tokens, jdbc, properties);
	}

	@BeforeEach
	void neverRun() {
		this.jdbc.sql("delete from scheduled_job").update();
	}

	@Test
	void manyInstancesAskingAtOnceRunItOnce() {
		assertThat(runsWhenAllAskAtOnce()).isOne();
		assertThat(runsWhenAllAskAtOnce()).as("within the interval").isZero();

		this.jdbc.sql("update scheduled_job set next_run_at = now()").update();

		assertThat(runsWhenAllAskAtOnce()).as("the next round").isOne();
	}

	private long runsWhenAllAskAtOnce() {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Boolean>> runs = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				LoginCleanup instance = (i % 2 == 0) ? this.first : this.second;
				runs.add(CompletableFuture.supplyAsync(instance::runIfDue, pool));
			}
			return runs.stream().filter(CompletableFuture::join).count();
		}
		finally {
			pool.shutdown();
		}
	}

}
