package dev.roadmap.system;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answers with the site's own page in its layout, a clear text for its
 * status, and a reference that is also in the log line; never a stack trace or a
 * Whitelabel page.
 */
@RoadmapIntegrationTest
@Import(ErrorPagesIntegrationTests.FailingRoutes.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Test
	void notFound() throws Exception {
		assertFriendlyPage(this.http.get("/stages/no-such-stage"), 404, "Page not found");
	}

	@Test
	void methodNotAllowed() throws Exception {
		assertFriendlyPage(this.http.get("/stages/apis/skills/create-apis/status"), 405, "Not allowed here");
	}

	@Test
	void forbiddenWithoutCsrfToken() throws Exception {
		assertFriendlyPage(this.http.postForm("/register", "email=a%40example.com"), 403, "Not allowed");
	}

	@Test
	void badRequest() throws Exception {
		Http learner = this.http.fresh().logIn(aLearner().getUsername(), Learners.PASSWORD);
		String token = Jsoup.parse(learner.get("/stages/apis").body()).select("input[name=_csrf]").first().val();

		assertFriendlyPage(learner.postForm("/stages/apis/skills/create-apis/status", "status=NOPE&_csrf=" + token),
				400, "That request did not make sense");
	}

	@Test
	void tooLarge() throws Exception {
		String body = "email=" + "a".repeat(300 * 1024);

		assertFriendlyPage(this.http.postForm("/register", body), 413, "That was too much to send");
	}

	@Test
	void serverErrorIsLoggedOnceWithTheReferenceShown(CapturedOutput output) throws Exception {
		Http learner = this.http.fresh().logIn(aLearner().getUsername(), Learners.PASSWORD);

		HttpResponse<String> response = learner.get("/test/fail");

		String reference = assertFriendlyPage(response, 500, "Something went wrong on our side");
		assertThat(response.body()).doesNotContain("IllegalStateException", "at dev.roadmap");
		assertThat(output.getOut()).contains("[" + reference + "]")
			.contains("Request GET /test/fail failed")
			.contains("java.lang.IllegalStateException: boom");
	}

	@Test
	void unreachableDatabaseIsServiceUnavailable() throws Exception {
		Http learner = this.http.fresh().logIn(aLearner().getUsername(), Learners.PASSWORD);

		assertFriendlyPage(learner.get("/test/database-down"), 503, "Back in a moment");
	}

	@Test
	void aWellFormedRequestIdFromAProxyIsKept() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.http.uri("/stages/no-such-stage"))
			.header("Accept", "text/html")
			.header("X-Request-Id", "proxy-id-12345678")
			.build());

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("proxy-id-12345678");
		assertThat(Jsoup.parse(response.body()).text()).contains("Reference for support: proxy-id-12345678");
	}

	private AccountPrincipal aLearner() {
		return this.learners.aLearner();
	}

	/**
	 * Checks the page and returns its reference.
	 */
	private static String assertFriendlyPage(HttpResponse<String> response, int status, String title) {
		assertThat(response.statusCode()).isEqualTo(status);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo(title);
		assertThat(page.select("header.site-header")).hasSize(1);
		assertThat(page.select("main a.button").attr("href")).isEqualTo("/");
		assertThat(response.body()).doesNotContain("Whitelabel", "Exception", "\tat ");
		String reference = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(page.text()).contains("Reference for support: " + reference);
		return reference;
	}

	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class FailingRoutes {

		@GetMapping("/test/fail")
		String fail() {
			throw new IllegalStateException("boom");
		}

		@GetMapping("/test/database-down")
		String databaseDown() {
			throw new DataAccessResourceFailureException("Connection refused");
		}

	}

}
