package dev.roadmap.test;

import dev.roadmap.shared.Flash;

import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;

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

}
