package dev.roadmap.account.settings;

import dev.roadmap.test.ControllerSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A visitor who is not logged in is sent to the login page before any account page or
 * form is reached: the security rules alone decide it.
 */
@ControllerSliceTest
class AccountSettingsAccessTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theAccountPageNeedsALogin() throws Exception {
		this.mvc.perform(get("/account")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/account/export")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void loggingOutEverywhereNeedsALogin() throws Exception {
		this.mvc.perform(post("/account/logout-everywhere").with(csrf())).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/account/logout-everywhere")).andExpect(redirectedUrl("/login"));
	}

}
