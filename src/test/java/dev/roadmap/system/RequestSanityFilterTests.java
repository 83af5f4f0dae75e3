package dev.roadmap.system;

import dev.roadmap.test.ControllerSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests no form of the site can send are refused before anything reads them. (Their
 * error pages, rendered by the servlet container, are {@link ErrorPagesIntegrationTests
 * error page tests}.)
 */
@ControllerSliceTest
class RequestSanityFilterTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aBodyLargerThanAnyFormNeedsIsTooLarge() throws Exception {
		this.mvc
			.perform(post("/register").with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("email=" + "a".repeat(300 * 1024)))
			.andExpect(status().isPayloadTooLarge());
	}

	@Test
	void aBodyWithinTheLimitGoesThrough() throws Exception {
		int status = this.mvc
			.perform(post("/register").with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("email=" + "a".repeat(200 * 1024)))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(status).isNotEqualTo(413);
	}

	@Test
	void aNulCharacterInAParameterValueOrNameIsABadRequest() throws Exception {
		this.mvc.perform(post("/register").with(csrf()).param("displayName", "a\u0000b"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/register").with(csrf()).param("display\u0000Name", "Ada"))
			.andExpect(status().isBadRequest());
	}

}
