package dev.roadmap.system;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions stored in PostgreSQL under the load a real user makes: two tabs, a
 * double-click, a script that never follows the redirect.
 */
@RoadmapIntegrationTest
class SessionStoreIntegrationTests {

	private static final String SKILL = "/stages/databases/skills/relational-databases/status";

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignedInUsersSecurityContextIsStoredCompactlyAndSignsThemInOnTheNextPage() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);

		String page = browser.get("/").body();

		byte[] stored = this.jdbc.sql("""
				select a.attribute_bytes from spring_session s
				join spring_session_attributes a on a.session_primary_id = s.primary_id
				where s.principal_name = :email and a.attribute_name = 'SPRING_SECURITY_CONTEXT'
				""").param("email", learner.getUsername()).query(byte[].class).single();
		assertThat(stored).startsWith(SessionAttributeCodec.MAGIC).hasSizeLessThan(400);
		assertThat(Jsoup.parse(page).select("header .who").text()).isEqualTo("Signed in as " + learner.displayName());
	}

	@Test
	void concurrentPlainFormPostsOfOneSessionAllSucceed() throws Exception {
		Http browser = loggedIn();
		String token = csrfToken(browser);

		for (int round = 0; round < 5; round++) {
			List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
			for (int tab = 0; tab < 8; tab++) {
				String status = (tab % 2 == 0) ? "IN_PROGRESS" : "DONE";
				answers.add(browser.client()
					.sendAsync(post(browser, "status=" + status + "&_csrf=" + encode(token)),
							HttpResponse.BodyHandlers.ofString()));
			}
			assertThat(answers).extracting((answer) -> answer.join().statusCode()).containsOnly(303);
		}
	}

	/**
	 * More sessions than pooled connections, each due for its access-time write, which
	 * Spring Session makes (on a connection of its own) when a page's response commits: a
	 * page that held its connection while rendering would deadlock the pool.
	 */
	@Test
	void pagesReadAtOnceByMoreSessionsThanPooledConnectionsAllAnswer() throws Exception {
		List<Http> browsers = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			AccountPrincipal learner = this.learners.aLearner();
			emails.add(learner.getUsername());
			browsers.add(this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD));
		}
		this.jdbc
			.sql("update spring_session set last_access_time = last_access_time - 120000 "
					+ "where principal_name in (:emails)")
			.param("emails", emails)
			.update();

		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (Http browser : browsers) {
			answers.add(browser.client()
				.sendAsync(HttpRequest.newBuilder(browser.uri("/stages/databases"))
					.timeout(Duration.ofSeconds(20))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString()));
		}
		assertThat(answers).extracting((answer) -> answer.join().statusCode()).containsOnly(200);
	}

	@Test
	void aSessionHoldsOnlyAFewFlashMessagesHoweverManyRedirectsAreNotFollowed() throws Exception {
		Http script = loggedIn();
		String token = csrfToken(script);
		// Spring Session's cookie holds the session id in Base64.
		String session = new String(Base64.getDecoder().decode(script.cookie("SESSION")), StandardCharsets.UTF_8);

		for (int i = 0; i < 6; i++) {
			postStatus(script, token, i);
		}
		long afterSix = sessionBytes(session);
		for (int i = 0; i < 40; i++) {
			postStatus(script, token, i);
		}

		assertThat(sessionBytes(session)).isLessThanOrEqualTo(afterSix + 200);
	}

	private void postStatus(Http client, String token, int i) throws Exception {
		String status = (i % 2 == 0) ? "IN_PROGRESS" : "DONE";
		assertThat(client.send(post(client, "status=" + status + "&_csrf=" + encode(token))).statusCode())
			.isEqualTo(303);
	}

	private long sessionBytes(String sessionId) {
		return this.jdbc.sql("""
				select coalesce(sum(octet_length(a.attribute_bytes)), 0) from spring_session_attributes a
				join spring_session s on s.primary_id = a.session_primary_id where s.session_id = :id""")
			.param("id", sessionId)
			.query(Long.class)
			.single();
	}

	private Http loggedIn() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		return this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);
	}

	private static String csrfToken(Http client) throws Exception {
		return Jsoup.parse(client.get("/stages/databases").body()).select("input[name=_csrf]").first().val();
	}

	private static HttpRequest post(Http client, String body) {
		return HttpRequest.newBuilder(client.uri(SKILL))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
