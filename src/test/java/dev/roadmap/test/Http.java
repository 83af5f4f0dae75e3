package dev.roadmap.test;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * Plain HTTP requests to the running test server, for what MockMvc does not do (error
 * pages are rendered by the servlet container's error dispatch). Keeps cookies, so it can
 * log in like a browser.
 */
@TestComponent
public class Http {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(this.cookies)
		.build();

	private final Environment environment;

	Http(Environment environment) {
		this.environment = environment;
	}

	/**
	 * A client for an application started by the test itself.
	 */
	public static Http of(Environment environment) {
		return new Http(environment);
	}

	/**
	 * A client of its own, with no cookies yet.
	 */
	public Http fresh() {
		return new Http(this.environment);
	}

	/**
	 * Logs in through the login form, as a browser does.
	 */
	public Http logIn(String email, String password) throws Exception {
		String token = Jsoup.parse(get("/login").body()).select("input[name=_csrf]").val();
		HttpResponse<String> response = postForm("/login",
				"username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login failed for " + email);
		}
		return this;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
	}

	public HttpResponse<String> postForm(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The client itself, for requests sent at the same time.
	 */
	public HttpClient client() {
		return this.client;
	}

	/**
	 * The value of the cookie of that name the server set, or null.
	 */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
