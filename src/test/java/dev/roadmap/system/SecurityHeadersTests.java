package dev.roadmap.system;

import java.util.List;

import dev.roadmap.test.ControllerSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The security headers that Spring Security's filter chain writes, on static files and on
 * the answers of the security rules themselves. (Pages, error pages, HSTS behind a proxy
 * and cookies are checked on the real server: {@link SecurityHeadersIntegrationTests}.)
 */
@ControllerSliceTest
class SecurityHeadersTests {

	private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Autowired
	MockMvc mvc;

	@Test
	void assetsCarryTheSecurityHeaders() throws Exception {
		for (String path : List.of("/css/app.css", "/favicon.svg")) {
			MockHttpServletResponse response = send(get(path));

			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertSecurityHeaders(response, path);
		}
	}

	@Test
	void refusalsOfTheSecurityRulesCarryTheSecurityHeaders() throws Exception {
		MockHttpServletResponse forged = send(post("/register").param("email", "a@example.com"));
		MockHttpServletResponse wrongToken = send(post("/register").with(csrf().useInvalidToken()));
		MockHttpServletResponse anonymous = send(get("/dashboard"));

		assertThat(forged.getStatus()).isEqualTo(403);
		assertSecurityHeaders(forged, "no CSRF token");
		assertThat(wrongToken.getStatus()).isEqualTo(403);
		assertSecurityHeaders(wrongToken, "a wrong CSRF token");
		assertThat(anonymous.getRedirectedUrl()).isEqualTo("/login");
		assertSecurityHeaders(anonymous, "the redirect to the login page");
	}

	@Test
	void hstsIsSentOnlyOnSecureRequests() throws Exception {
		assertThat(send(get("/css/app.css")).getHeader("Strict-Transport-Security")).isNull();
		assertThat(send(get("/css/app.css").secure(true)).getHeader("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000 ; includeSubDomains");
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("Accept", "text/html")).andReturn().getResponse();
	}

	private static void assertSecurityHeaders(MockHttpServletResponse response, String what) {
		assertThat(response.getHeader("Content-Security-Policy")).as(what).isEqualTo(POLICY);
		assertThat(response.getHeader("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.getHeader("X-Frame-Options")).as(what).isEqualTo("DENY");
	}

}
