package dev.roadmap.system;

import dev.roadmap.test.ControllerSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every response names its request in {@code X-Request-Id}; only a well-formed id from a
 * proxy is taken over. (That the error page shows it too is an
 * {@link ErrorPagesIntegrationTests error page test}.)
 */
@ControllerSliceTest
class RequestIdFilterTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aMalformedRequestIdIsReplaced() throws Exception {
		String id = this.mvc.perform(get("/").header("X-Request-Id", "<script>alert(1)</script>"))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");

		assertThat(id).matches("[0-9a-f]{16}");
	}

}
