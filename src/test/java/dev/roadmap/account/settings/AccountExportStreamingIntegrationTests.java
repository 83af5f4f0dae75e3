package dev.roadmap.account.settings;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.LongHistory;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.Skills;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Download my data" for a long history, through the real server: written while it is
 * read, not built in memory first.
 */
@RoadmapIntegrationTest
class AccountExportStreamingIntegrationTests {

	private static final int EVENTS = 30_000;

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	Skills skills;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final LongHistory longHistory = new LongHistory();

	@Autowired
	JsonMapper json;

	@Test
	void aLongHistoryIsStreamedWhole() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		this.longHistory.write(this.jdbc, learner.id(), this.skills.of("apis", 0).id(), EVENTS);
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);

		HttpResponse<String> export = browser
			.send(HttpRequest.newBuilder(browser.uri("/account/export")).GET().build());

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Length")).as("streamed, not a finished body").isEmpty();
		assertThat(export.headers().firstValue("Transfer-Encoding")).contains("chunked");
		JsonNode document = this.json.readTree(export.body());
		assertThat(document.get("progress").get("statusHistory").size()).isEqualTo(EVENTS);
		assertThat(document.get("notifications").isArray()).isTrue();
	}

}
