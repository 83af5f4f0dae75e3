package dev.roadmap.system;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors' pages through the real server create no session: the CSRF token of their
 * forms is a cookie of its own. An application context of its own (the property below
 * only sets it apart), because MockMvc's {@code csrf()} in the other tests swaps the
 * shared context's token repository for a session-based test one.
 */
@RoadmapIntegrationTest
@TestPropertySource(properties = "roadmap.test.context=visitor-sessions")
class VisitorSessionsIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void visitorsPagesStoreNoSessionAndTheFormsStillWork() throws Exception {
		long start = System.currentTimeMillis() - 1;
		for (int i = 0; i < 5; i++) {
			for (String page : List.of("/login", "/register", "/password-reset", "/", "/stages/apis")) {
				Http bot = this.http.fresh();
				assertThat(bot.get(page).statusCode()).as(page).isEqualTo(200);
				assertThat(bot.cookie("SESSION")).as(page).isNull();
			}
		}
		assertThat(sessionsCreatedSince(start)).isZero();

		Http visitor = this.http.fresh();
		AccountPrincipal learner = this.learners.aLearner();
		visitor.logIn(learner.getUsername(), Learners.PASSWORD);
		assertThat(visitor.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(sessionsCreatedSince(start)).isOne();
	}

	@Test
	void aFormPostedWithoutItsCsrfCookieIsRefused() throws Exception {
		Http visitor = this.http.fresh();
		String token = Jsoup.parse(visitor.get("/login").body()).select("input[name=_csrf]").val();
		AccountPrincipal learner = this.learners.aLearner();

		HttpResponse<String> forged = this.http.fresh()
			.send(HttpRequest.newBuilder(visitor.uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(learner.getUsername()) + "&password="
						+ encode(Learners.PASSWORD) + "&_csrf=" + encode(token)))
				.build());

		assertThat(forged.statusCode()).isEqualTo(403);
	}

	private long sessionsCreatedSince(long millis) {
		return this.jdbc.sql("select count(*) from spring_session where creation_time >= :millis")
			.param("millis", millis)
			.query(Long.class)
			.single();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
