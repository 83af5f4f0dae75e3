package dev.roadmap.account.login;

import dev.roadmap.test.ControllerSliceTest;
import dev.roadmap.test.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the login page says, from the address alone: how long a lock lasts, a logout
 * everywhere, where to reset a password.
 */
@ControllerSliceTest(LoginController.class)
class LoginPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageSaysWhenToTryAgainWithoutNamingTheAccount() throws Exception {
		String page = Html
			.of(this.mvc.perform(get("/login").param("locked", "12")).andExpect(status().isOk()).andReturn())
			.select("[role=alert]")
			.text();

		assertThat(page).isEqualTo("Too many failed login attempts. For your security, logging in is paused: "
				+ "try again in 12 minutes.");
	}

	@Test
	void theWaitShownIsNeverLongerThanALock() throws Exception {
		for (String forged : new String[] { "100000", "-3", "soon", "" }) {
			assertThat(Html.of(this.mvc.perform(get("/login").param("locked", forged)).andReturn())
				.select("[role=alert]")
				.text()).as(forged).endsWith("try again in 15 minutes.");
		}
		assertThat(
				Html.of(this.mvc.perform(get("/login").param("locked", "1")).andReturn()).select("[role=alert]").text())
			.endsWith("try again in 1 minute.");
	}

	@Test
	void theLoginPageConfirmsTheLogoutEverywhere() throws Exception {
		assertThat(Html.of(this.mvc.perform(get("/login").param("loggedOutEverywhere", "")).andReturn())
			.select("[role=status]")
			.text()).contains("You have been logged out on every device.");
	}

	@Test
	void theLoginPageOffersAPasswordReset() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/login")).andReturn());

		assertThat(page.select("a[href=/password-reset]").text()).isEqualTo("Forgot your password?");
	}

}
