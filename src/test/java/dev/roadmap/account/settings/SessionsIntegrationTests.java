package dev.roadmap.account.settings;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultMatcher;

import static dev.roadmap.test.Logins.cookie;
import static dev.roadmap.test.Logins.from;
import static dev.roadmap.test.Logins.logIn;
import static dev.roadmap.test.Logins.logInRemembered;
import static dev.roadmap.test.Logins.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions: a new id at login, their idle timeout, and logging out everywhere.
 */
@RoadmapIntegrationTest
class SessionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loggingInReplacesTheSessionIdSoAPlantedOneIsWorthless() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		MvcResult page = this.mvc.perform(get("/login")).andReturn();
		Cookie planted = cookie(page, "SESSION");
		String token = Html.of(page).select("input[name=_csrf]").val();

		MvcResult login = this.mvc
			.perform(post("/login").cookie(planted)
				.param("_csrf", token)
				.param("username", learner.getUsername())
				.param("password", Learners.PASSWORD)
				.with(from(randomAddress())))
			.andExpect(authenticated())
			.andReturn();

		Cookie session = cookie(login, "SESSION");
		assertThat(session.getValue()).isNotEqualTo(planted.getValue());
		this.mvc.perform(get("/").cookie(session)).andExpect(signedIn());
		this.mvc.perform(get("/").cookie(planted)).andExpect(signedOut());
	}

	@Test
	void anIdleSessionEndsAfterEightHours() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		this.mvc.perform(logIn(learner.getUsername(), Learners.PASSWORD)).andExpect(authenticated());

		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = :email")
			.param("email", learner.getUsername())
			.query(Integer.class)
			.single()).isEqualTo(8 * 3600);
	}

	@Test
	void loggingOutEverywhereEndsEverySessionAndRememberedBrowserOfTheUser() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Cookie here = sessionOf(logIn(learner.getUsername(), Learners.PASSWORD));
		Cookie elsewhere = sessionOf(logIn(learner.getUsername(), Learners.PASSWORD));
		MvcResult rememberedLogin = this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD))
			.andReturn();
		Cookie someoneElse = sessionOf(logIn(this.learners.aLearner().getUsername(), Learners.PASSWORD));

		this.mvc.perform(post("/account/logout-everywhere").cookie(here).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/login?loggedOutEverywhere"));

		for (Cookie cookie : new Cookie[] { here, elsewhere, cookie(rememberedLogin, "SESSION"),
				cookie(rememberedLogin, "remember-me") }) {
			this.mvc.perform(get("/").cookie(cookie)).andExpect(signedOut());
		}
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = :email")
			.param("email", learner.getUsername())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from remember_me_token where user_id = :id")
			.param("id", learner.id())
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(get("/").cookie(someoneElse)).andExpect(signedIn());
	}

	@Test
	void loggingOutEverywhereNeedsTheFormsCsrfToken() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Cookie session = sessionOf(logIn(learner.getUsername(), Learners.PASSWORD));

		this.mvc.perform(post("/account/logout-everywhere").cookie(session)).andExpect(status().isForbidden());

		this.mvc.perform(get("/").cookie(session)).andExpect(signedIn());
	}

	private Cookie sessionOf(RequestBuilder login) throws Exception {
		return cookie(this.mvc.perform(login).andExpect(authenticated()).andReturn(), "SESSION");
	}

	private static ResultMatcher signedIn() {
		return content().string(containsString("Signed in as"));
	}

	private static ResultMatcher signedOut() {
		return content().string(not(containsString("Signed in as")));
	}

}
