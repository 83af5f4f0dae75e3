package dev.roadmap.account.login;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static dev.roadmap.test.Logins.cookie;
import static dev.roadmap.test.Logins.logIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Open-redirect attempts around the login all end on this site.
 */
@RoadmapIntegrationTest
class LoginRedirectIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Test
	void aContinueParameterOnTheLoginPageIsIgnored() throws Exception {
		Http browser = this.http.fresh();
		browser.get("/login?continue=" + encode("https://evil.example"));

		assertThat(logInThrough(browser, "/login")).isEqualTo("/");
	}

	@Test
	void aContinueParameterOnTheLoginPostIsIgnored() throws Exception {
		for (String target : new String[] { "https://evil.example", "//evil.example", "/\\evil.example" }) {
			assertThat(logInThrough(this.http.fresh(), "/login?continue=" + encode(target))).as(target).isEqualTo("/");
		}
	}

	@Test
	void aSavedRequestWithAForgedHostComesBackOnThisSite() throws Exception {
		Cookie session = cookie(this.mvc.perform(get("/notifications").with((request) -> {
			request.setServerName("evil.example");
			return request;
		})).andExpect(redirectedUrl("/login")).andReturn(), "SESSION");

		this.mvc.perform(logIn(this.learners.aLearner().getUsername(), Learners.PASSWORD).cookie(session))
			.andExpect(redirectedUrl("/notifications?continue"));
	}

	@Test
	void aSavedRequestWithAForwardedHostComesBackOnThisSite() throws Exception {
		Http browser = this.http.fresh();
		HttpResponse<String> protectedPage = browser.send(HttpRequest.newBuilder(browser.uri("/notifications"))
			.header("X-Forwarded-Host", "evil.example")
			.GET()
			.build());
		assertThat(protectedPage.statusCode()).isEqualTo(302);

		assertThat(logInThrough(browser, "/login")).isEqualTo("/notifications?continue");
	}

	@Test
	void pathsThatBrowsersReadAsOtherHostsAreRefusedAndNeverSaved() throws Exception {
		for (String path : new String[] { "//evil.example", "/%5Cevil.example", "/%2F%2Fevil.example" }) {
			Http browser = this.http.fresh();
			assertThat(browser.get(path).statusCode()).as(path).isEqualTo(400);

			assertThat(logInThrough(browser, "/login")).as(path).isEqualTo("/");
		}
	}

	/**
	 * Logs a new learner in through the form, posted to the given address.
	 * @return where the login redirects
	 */
	private String logInThrough(Http browser, String action) throws Exception {
		String token = Jsoup.parse(browser.get("/login").body()).select("input[name=_csrf]").val();
		HttpResponse<String> response = browser.postForm(action,
				"username=" + encode(this.learners.aLearner().getUsername()) + "&password=" + encode(Learners.PASSWORD)
						+ "&_csrf=" + encode(token));
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
