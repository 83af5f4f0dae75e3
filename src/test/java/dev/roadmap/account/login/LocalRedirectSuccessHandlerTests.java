package dev.roadmap.account.login;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a login goes next: back to the page that asked for it, and never off the site.
 */
class LocalRedirectSuccessHandlerTests {

	private final LocalRedirectSuccessHandler handler = new LocalRedirectSuccessHandler();

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "https://evil.example/", "//evil.example", "//evil.example/x",
			"/\\evil.example", "/\\/evil.example", "\\\\evil.example", "javascript:alert(1)", "evil.example",
			"http:evil.example", "https:/evil.example", "/%2F%2Fevil.example", "/\r\nLocation: https://evil.example",
			"" })
	void savedRequestsNeverLeadOffTheSite(String saved) throws Exception {
		String target = redirectAfterLoginTo(saved);

		URI uri = URI.create(target);
		assertThat(uri.getScheme()).isNull();
		assertThat(uri.getAuthority()).isNull();
		assertThat(target).startsWith("/").doesNotStartWith("//").doesNotContain("\\", "\r", "\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)" })
	void savedRequestsWithNoLocalPathGoHome(String saved) throws Exception {
		assertThat(redirectAfterLoginTo(saved)).isEqualTo("/");
	}

	@ParameterizedTest
	@CsvSource({ "http://localhost/dashboard?continue, /dashboard?continue",
			"http://evil.example/stages/apis?continue, /stages/apis?continue",
			"https://evil.example:8443/notifications?page=2&continue, /notifications?page=2&continue" })
	void savedRequestsComeBackAsPathsOnThisSite(String saved, String expected) throws Exception {
		assertThat(redirectAfterLoginTo(saved)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example", "//evil.example", "/\\evil.example" })
	void requestParametersAreNeverTargets(String target) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setParameter("continue", target);
		request.setParameter("redirect", target);
		request.setParameter("targetUrl", target);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.handler.onAuthenticationSuccess(request, response, new TestingAuthenticationToken("user", null));

		assertThat(response.getRedirectedUrl()).isEqualTo("/");
	}

	private String redirectAfterLoginTo(String saved) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.getSession().setAttribute("SPRING_SECURITY_SAVED_REQUEST", new SimpleSavedRequest(saved));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.handler.onAuthenticationSuccess(request, response, new TestingAuthenticationToken("user", null));

		assertThat(request.getSession().getAttribute("SPRING_SECURITY_SAVED_REQUEST")).isNull();
		return response.getRedirectedUrl();
	}

}
