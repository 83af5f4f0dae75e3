package dev.roadmap.system;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves requests on a few threads per core ({@value #PER_CORE}), not Tomcat's 200. A
 * request here is about a millisecond of work and a few short statements: with a thread
 * for every open connection, all the requests in flight took turns on the cores and each
 * one took as long as all of them together, while a few threads per core serve them in
 * order, each as fast as it can be (one core, 16 connections: the dashboard's p99 from
 * 70-78 ms to 44 ms at the same rate, a stage page's from 32 to 17 ms; bench/README). A
 * request waiting for a thread waits in Tomcat's queue, its connection open; the
 * database's pool (10) still bounds the requests that need it. Only a default:
 * {@code server.tomcat.threads.max} (SERVER_TOMCAT_THREADS_MAX) set anywhere wins.
 */
class RequestThreads implements EnvironmentPostProcessor {

	static final int PER_CORE = 4;

	static final String MAX_THREADS = "server.tomcat.threads.max";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// The JVM counts the cores the process may run on (taskset, a container's quota).
		int threads = PER_CORE * Runtime.getRuntime().availableProcessors();
		// No min-spare: Tomcat caps its spare threads (10 by default) at the maximum.
		environment.getPropertySources().addLast(new MapPropertySource("requestThreads", Map.of(MAX_THREADS, threads)));
	}

}
