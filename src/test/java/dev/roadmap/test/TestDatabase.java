package dev.roadmap.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one place tests get their database from: a Testcontainers PostgreSQL when a Docker
 * engine is available, otherwise an embedded PostgreSQL 17. Either server starts once per
 * test JVM; every application context gets a fresh database on it.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger databases = new AtomicInteger();

	private static Server server;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Database database = freshDatabase();
		TestPropertyValues
			.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password())
			.applyTo(context);
	}

	/**
	 * Creates an empty database on the shared test server.
	 */
	public static synchronized Database freshDatabase() {
		if (server == null) {
			server = startServer();
		}
		String name = "roadmap_test_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(server.url("postgres"), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + name, ex);
		}
		return new Database(server.url(name), server.username(), server.password());
	}

	private static Server startServer() {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17.7");
			container.start();
			return new Server() {
				@Override
				public String url(String database) {
					return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/"
							+ database;
				}

				@Override
				public String username() {
					return container.getUsername();
				}

				@Override
				public String password() {
					return container.getPassword();
				}
			};
		}
		try {
			Path directory = Files.createTempDirectory("roadmap-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (Exception ex) {
					// the JVM is ending; the temporary directory goes with the machine
				}
			}));
			return new Server() {
				@Override
				public String url(String database) {
					return postgres.getJdbcUrl("postgres", database);
				}

				@Override
				public String username() {
					return "postgres";
				}

				@Override
				public String password() {
					return "";
				}
			};
		}
		catch (Exception ex) {
			throw new IllegalStateException("No PostgreSQL for the tests: no Docker engine was found and the embedded "
					+ "PostgreSQL did not start. Start Docker, or make sure this machine allows user namespaces "
					+ "(unshare -U), which the embedded server needs when run as root.", ex);
		}
	}

	/**
	 * Where a test database is and how to log in to it.
	 */
	public record Database(String url, String username, String password) {
	}

	private interface Server {

		String url(String database);

		String username();

		String password();

	}

}
