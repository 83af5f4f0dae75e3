package dev.roadmap.system;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import dev.roadmap.RoadmapApplication;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.LongHistory;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.Skills;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one PostgreSQL, as behind a load balancer: this test's
 * application and a second one started beside it. They share logins and progress, and
 * stopping one finishes what it was answering.
 */
@RoadmapIntegrationTest
class SeveralInstancesIntegrationTests {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	Environment environment;

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	Skills skills;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final LongHistory longHistory = new LongHistory();

	@Autowired
	JsonMapper json;

	@Test
	void aLoginAndAStatusMadeOnOneInstanceHoldOnTheOther() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.roadmap.stage("apis").orElseThrow().skills().get(0);
		String session = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD).cookie("SESSION");
		try (ConfigurableApplicationContext other = secondInstance()) {
			int otherPort = port(other);

			this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);

			HttpResponse<String> stage = get(otherPort, "/stages/apis", session);
			assertThat(stage.statusCode()).as("logged in on the other instance").isEqualTo(200);
			assertThat(Jsoup.parse(stage.body()).select("#skill-" + skill.slug()).attr("data-status"))
				.isEqualTo("DONE");
			other.getBean(ProgressService.class).setStatus(learner.id(), skill, SkillStatus.IN_PROGRESS);
			assertThat(Jsoup.parse(get(port(this.environment), "/stages/apis", session).body())
				.select("#skill-" + skill.slug())
				.attr("data-status")).isEqualTo("IN_PROGRESS");
		}
	}

	@Test
	void stoppingAnInstanceFinishesTheRequestItIsAnsweringAndTheOtherTakesTheNext() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		this.longHistory.write(this.jdbc, learner.id(), this.skills.of("apis", 0).id(), 50000);
		String session = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD).cookie("SESSION");
		ConfigurableApplicationContext other = secondInstance();
		HttpResponse<InputStream> export;
		try {
			// A long download, under way (its headers are in) when the instance is told
			// to stop.
			export = this.client.send(request(port(other), "/account/export", session),
					HttpResponse.BodyHandlers.ofInputStream());
		}
		finally {
			CompletableFuture.runAsync(other::close);
		}

		try (InputStream body = export.body()) {
			assertThat(export.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(body).get("progress").get("statusHistory").size())
				.as("the whole export, although its instance was stopping")
				.isEqualTo(50000);
		}
		assertThat(get(port(this.environment), "/dashboard", session).statusCode()).as("the other instance")
			.isEqualTo(200);
	}

	private ConfigurableApplicationContext secondInstance() {
		return new SpringApplicationBuilder(RoadmapApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getRequiredProperty("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""));
	}

	private HttpResponse<String> get(int port, String path, String session) throws Exception {
		return this.client.send(request(port, path, session), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(int port, String path, String session) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "SESSION=" + session)
			.GET()
			.build();
	}

	private static int port(ConfigurableApplicationContext context) {
		return port(context.getEnvironment());
	}

	private static int port(Environment environment) {
		return Integer.parseInt(environment.getRequiredProperty("local.server.port"));
	}

}
