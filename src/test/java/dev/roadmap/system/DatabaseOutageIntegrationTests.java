package dev.roadmap.system;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import dev.roadmap.RoadmapApplication;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.test.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that goes away and comes back, with a PostgreSQL of the test's own (stopping
 * a shared one would break other tests): pages answer the friendly 503 quickly instead of
 * hanging, health and readiness say DOWN, and everything works again soon after the
 * database returns.
 */
class DatabaseOutageIntegrationTests {

	private static final String PASSWORD = "an outage-proof password";

	@TempDir
	Path dataDirectory;

	private int port;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() throws Exception {
		if (this.app != null) {
			this.app.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void pagesAnswer503QuicklyWhileTheDatabaseIsAwayAndRecoverWhenItReturns() throws Exception {
		try (ServerSocket free = new ServerSocket(0)) {
			this.port = free.getLocalPort();
		}
		startDatabase();
		this.app = new SpringApplicationBuilder(RoadmapApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:postgresql://localhost:" + this.port + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=");
		this.app.getBean(AccountService.class)
			.createIfAbsent("outage@example.com", "Olive", PASSWORD, EnumSet.of(Role.LEARNER));
		Http learner = Http.of(this.app.getEnvironment()).logIn("outage@example.com", PASSWORD);
		Http visitor = Http.of(this.app.getEnvironment());
		assertThat(learner.get("/dashboard").statusCode()).isEqualTo(200);
		// The status form as the learner's page had it before the outage.
		String token = Jsoup.parse(learner.get("/stages/apis").body()).select("input[name=_csrf]").first().val();
		assertThat(health(visitor, "/actuator/health/readiness").statusCode()).isEqualTo(200);

		this.postgres.close();
		this.postgres = null;

		for (String page : new String[] { "/dashboard", "/stages/apis", "/" }) {
			Timed answer = timed(() -> learner.get(page));
			assertThat(answer.response().statusCode()).as(page).isEqualTo(503);
			assertThat(answer.response().body()).as(page).contains("Back in a moment");
			assertThat(answer.took()).as(page).isLessThan(Duration.ofSeconds(2));
		}
		Timed post = timed(() -> learner.postForm("/stages/apis/skills/rest/status",
				"status=DONE&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
		assertThat(post.response().statusCode()).isEqualTo(503);
		assertThat(post.took()).isLessThan(Duration.ofSeconds(2));
		Timed anonymous = timed(() -> visitor.get("/"));
		assertThat(anonymous.response().statusCode()).isIn(200, 503);
		assertThat(anonymous.took()).isLessThan(Duration.ofSeconds(2));
		for (String health : new String[] { "/actuator/health", "/actuator/health/readiness" }) {
			Timed answer = timed(() -> health(visitor, health));
			assertThat(answer.response().statusCode()).as(health).isEqualTo(503);
			assertThat(answer.response().body()).as(health).contains("DOWN");
			assertThat(answer.took()).as(health).isLessThan(Duration.ofSeconds(5));
		}
		assertThat(health(visitor, "/actuator/health/liveness").statusCode()).as("alive all along").isEqualTo(200);

		startDatabase();
		long back = System.nanoTime();
		int status = 0;
		while (System.nanoTime() - back < Duration.ofSeconds(5).toNanos() && status != 200) {
			status = learner.get("/dashboard").statusCode();
			Thread.sleep(100);
		}
		assertThat(status).as("the same session works again within 5 s").isEqualTo(200);
		assertThat(health(visitor, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> health(Http client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(client.uri(path)).GET().build());
	}

	private void startDatabase() throws Exception {
		this.postgres = EmbeddedPostgres.builder()
			.setPort(this.port)
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.start();
	}

	private static Timed timed(Request request) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = request.send();
		return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
	}

	private interface Request {

		HttpResponse<String> send() throws Exception;

	}

	private record Timed(HttpResponse<String> response, Duration took) {
	}

}
