package dev.roadmap.test;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Login form posts for MockMvc, from a client address of the test's choosing: the
 * integration tests share one database, and so the per-address login throttle, so tests
 * that fail logins on purpose do it from an address of their own.
 */
public final class Logins {

	private Logins() {
	}

	/**
	 * A POST to {@code /login}, as the login form sends it, from a random address.
	 */
	public static MockHttpServletRequestBuilder logIn(String email, String password) {
		return post("/login").with(csrf())
			.param("username", email)
			.param("password", password)
			.with(from(randomAddress()));
	}

	/**
	 * The same, ticking "keep me logged in".
	 */
	public static MockHttpServletRequestBuilder logInRemembered(String email, String password) {
		return logIn(email, password).param("remember-me", "on");
	}

	/**
	 * Makes the request come from the given client address.
	 */
	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/**
	 * An IPv6 address in a /64 network of the documentation range (RFC 3849) that is
	 * different at every call, since the throttle counts a /64 as one address.
	 */
	public static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("2001:db8:%x:%x::1", random.nextInt(0x10000), random.nextInt(0x10000));
	}

	/**
	 * Logs in for real, through the login form, and gives the cookies of the new session
	 * (stored in the database, as in production), for requests that need one: a flash
	 * message, for one, travels in it from a redirect to the next page.
	 */
	public static Cookie[] session(MockMvc mvc, String email, String password) throws Exception {
		return mvc.perform(logIn(email, password)).andReturn().getResponse().getCookies();
	}

	/**
	 * The cookie of that name the response set, if any.
	 */
	public static Cookie cookie(MvcResult result, String name) {
		return result.getResponse().getCookie(name);
	}

	/**
	 * The series and token a remember-me cookie carries.
	 */
	public static String[] rememberMeParts(Cookie cookie) {
		String value = cookie.getValue();
		String padded = value + "=".repeat((4 - value.length() % 4) % 4);
		return new String(Base64.getDecoder().decode(padded)).split(":");
	}

}
