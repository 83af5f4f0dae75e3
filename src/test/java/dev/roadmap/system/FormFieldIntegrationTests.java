package dev.roadmap.system;

import dev.roadmap.test.Html;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one form-field fragment ({@code fragments/forms :: field}) as the registration and
 * login forms draw it: each input labelled, and tied to its hint and error for screen
 * readers.
 */
@RoadmapIntegrationTest
class FormFieldIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aFieldIsLabelledAndDescribedByItsHint() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/register")).andExpect(status().isOk()).andReturn());

		Element displayName = page.selectFirst("input#displayName");
		assertThat(page.select("label[for=displayName]").text()).isEqualTo("Display name");
		assertThat(displayName.attr("name")).isEqualTo("displayName");
		assertThat(displayName.attr("type")).isEqualTo("text");
		assertThat(displayName.attr("autocomplete")).isEqualTo("nickname");
		assertThat(displayName.attr("maxlength")).isEqualTo("80");
		assertThat(displayName.hasAttr("required")).isTrue();
		assertThat(displayName.attr("aria-invalid")).isEqualTo("false");
		assertThat(displayName.attr("aria-describedby")).isEqualTo("displayName-hint");
		assertThat(page.select("#displayName-hint").text())
			.isEqualTo("Shown to your mentor and on your progress pages.");
		assertThat(page.selectFirst("input#email").hasAttr("aria-describedby")).isFalse();
		assertThat(page.select("input#password").attr("minlength")).isEqualTo("12");
		assertThat(page.select(".field-error, .has-error")).isEmpty();
	}

	@Test
	void aRefusedFieldShowsItsErrorAndIsDescribedByIt() throws Exception {
		Document page = Html.of(
				this.mvc
					.perform(post("/register").with(csrf())
						.param("email", "not an address")
						.param("displayName", "")
						.param("password", "short"))
					.andExpect(status().isBadRequest())
					.andReturn());

		Element email = page.selectFirst("input#email");
		assertThat(email.val()).isEqualTo("not an address");
		assertThat(email.attr("aria-invalid")).isEqualTo("true");
		assertThat(email.attr("aria-describedby")).isEqualTo("email-error");
		assertThat(email.parent().classNames()).contains("field", "has-error");
		assertThat(page.select("#email-error").text()).isNotBlank();
		assertThat(page.select("input#displayName").attr("aria-describedby"))
			.isEqualTo("displayName-hint displayName-error");
		Element password = page.selectFirst("input#password");
		assertThat(password.val()).as("a password is never sent back").isEmpty();
		assertThat(password.attr("aria-describedby")).isEqualTo("password-hint password-error");
		assertThat(page.select("#password-error").text()).isNotBlank();
	}

	@Test
	void aFieldOfAFormWithoutAnObjectHasNoErrorState() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/login")).andExpect(status().isOk()).andReturn());

		Element username = page.selectFirst("input#username");
		assertThat(page.select("label[for=username]").text()).isEqualTo("E-mail");
		assertThat(username.attr("type")).isEqualTo("email");
		assertThat(username.hasAttr("autofocus")).isTrue();
		assertThat(username.hasAttr("aria-invalid")).isFalse();
		assertThat(username.hasAttr("aria-describedby")).isFalse();
		assertThat(page.select("input#password").attr("autocomplete")).isEqualTo("current-password");
	}

}
