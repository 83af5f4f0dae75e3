package dev.roadmap.test;

import dev.roadmap.shared.Flash;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a redirect leaves for the next page:
 * {@code andExpect(flashMessage("flash.statusSaved"))}.
 */
public final class Flashes {

	private Flashes() {
	}

	public static ResultMatcher flashMessage(String key) {
		return (result) -> assertThat(result.getFlashMap().get("flash")).isInstanceOfSatisfying(Flash.class,
				(flash) -> assertThat(flash.key()).isEqualTo(key));
	}

	public static ResultMatcher flashMessage(String key, Object... args) {
		return (result) -> assertThat(result.getFlashMap().get("flash")).isEqualTo(Flash.of(key, args));
	}

	/**
	 * Sends the form post in the session (see {@link Logins#session}), which must answer
	 * 303, and gives the page it leads to, where the flash message shows.
	 */
	public static Document pageAfter(MockMvc mvc, MockHttpServletRequestBuilder post, Cookie[] session)
			throws Exception {
		String location = mvc.perform(post.cookie(session).with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Html.of(mvc.perform(get(location).cookie(session)).andReturn());
	}

}
