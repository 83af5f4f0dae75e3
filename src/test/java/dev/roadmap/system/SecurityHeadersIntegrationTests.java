package dev.roadmap.system;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers and cookie attributes as a browser gets them from the real server,
 * directly and behind an HTTPS proxy that sends {@code X-Forwarded-Proto} (Tomcat's
 * remote IP valve trusts it from the loopback address). Static files and the security
 * rules' own answers are checked in a slice: {@link SecurityHeadersTests}.
 */
@RoadmapIntegrationTest
class SecurityHeadersIntegrationTests {

	private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		for (String path : List.of("/", "/login", "/stages/apis")) {
			assertSecurityHeaders(send(get(path)), path);
		}
	}

	@Test
	void errorPagesCarryTheSecurityHeadersToo() throws Exception {
		assertSecurityHeaders(this.http.get("/stages/no-such-stage"), "404");
		assertSecurityHeaders(this.http.postForm("/register", "email=a%40example.com"), "403");
		assertSecurityHeaders(this.http.get("/stages/apis/skills/create-apis/status"), "405");
		assertSecurityHeaders(this.http.postForm("/register", "email=" + "a".repeat(300 * 1024)), "413");
		assertSecurityHeaders(send(get("/stages/apis;evil=1")), "400 (rejected by the firewall)");
	}

	@Test
	void hstsIsSentOnlyOverHttps() throws Exception {
		assertThat(send(get("/")).headers().firstValue("Strict-Transport-Security")).isEmpty();

		assertThat(send(overHttps(get("/"))).headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
	}

	@Test
	void cookiesAreHttpOnlyAndSameSiteLaxAlwaysAndSecureOverHttps() throws Exception {
		String email = this.learners.aLearner().getUsername();

		List<String> plain = logInRemembered(email, false);
		List<String> proxied = logInRemembered(email, true);

		assertThat(plain).hasSize(2).allSatisfy((cookie) -> {
			assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("; Secure");
		});
		assertThat(proxied).hasSize(2).allSatisfy((cookie) -> {
			assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax").contains("; Secure");
		});
	}

	/**
	 * Logs in through the form with "keep me logged in".
	 * @return the session and remember-me cookies the login set
	 */
	private List<String> logInRemembered(String email, boolean https) throws Exception {
		HttpResponse<String> page = send(https ? overHttps(get("/login")) : get("/login"));
		String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		String token = Jsoup.parse(page.body()).select("input[name=_csrf]").val();
		HttpRequest.Builder login = HttpRequest.newBuilder(this.http.uri("/login"))
			.header("Cookie", session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password="
					+ encode(Learners.PASSWORD) + "&remember-me=on&_csrf=" + encode(token)));
		HttpResponse<String> response = send(https ? overHttps(login) : login);
		assertThat(response.headers().firstValue("Location")).hasValue("/");
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION=") || cookie.startsWith("remember-me="))
			.toList();
	}

	private static void assertSecurityHeaders(HttpResponse<String> response, String what) {
		HttpHeaders headers = response.headers();
		assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValue(POLICY);
		assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
		assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(this.http.uri(path)).header("Accept", "text/html").GET();
	}

	private static HttpRequest.Builder overHttps(HttpRequest.Builder request) {
		return request.header("X-Forwarded-Proto", "https");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
