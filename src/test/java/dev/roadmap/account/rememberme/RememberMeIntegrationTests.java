package dev.roadmap.account.rememberme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

import static dev.roadmap.test.Logins.cookie;
import static dev.roadmap.test.Logins.logIn;
import static dev.roadmap.test.Logins.logInRemembered;
import static dev.roadmap.test.Logins.rememberMeParts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * "Keep me logged in": a persistent token, stored only as a hash, replaced at every use,
 * and a replaced token used again taken for a stolen cookie.
 */
@RoadmapIntegrationTest
class RememberMeIntegrationTests {

	private static final String REMEMBER_ME = "remember-me";

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Test
	void keepMeLoggedInOutlivesTheSession() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		Cookie rememberMe = cookie(
				this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD)).andReturn(), REMEMBER_ME);

		assertThat(rememberMe.isHttpOnly()).isTrue();
		assertThat(rememberMe.getMaxAge()).isEqualTo(14 * 24 * 3600);
		assertThat(rememberMe.getAttribute("SameSite")).isEqualTo("Lax");
		// No session cookie: as after a restart of the browser or a session timeout.
		this.mvc.perform(get("/").cookie(rememberMe)).andExpect(signedIn());
	}

	@Test
	void withoutTheBoxTheLoginEndsWithItsSession() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		MvcResult login = this.mvc.perform(logIn(learner.getUsername(), Learners.PASSWORD)).andReturn();

		assertThat(cookie(login, REMEMBER_ME)).isNull();
		assertThat(tokensOf(learner)).isZero();
	}

	@Test
	void onlyAHashOfTheTokenIsStored() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		Cookie rememberMe = cookie(
				this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD)).andReturn(), REMEMBER_ME);

		String[] parts = rememberMeParts(rememberMe);
		Map<String, Object> row = this.jdbc.sql("select * from remember_me_token where user_id = :id")
			.param("id", learner.id())
			.query()
			.singleRow();
		assertThat(row.get("series")).isEqualTo(parts[0]);
		assertThat((byte[]) row.get("token_hash")).isEqualTo(sha256(parts[1]));
		assertThat(row.values()).noneMatch((value) -> String.valueOf(value).contains(parts[1]));
	}

	@Test
	void everyUseReplacesTheToken() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Cookie first = cookie(this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD)).andReturn(),
				REMEMBER_ME);

		Cookie second = cookie(this.mvc.perform(get("/").cookie(first)).andExpect(signedIn()).andReturn(), REMEMBER_ME);

		assertThat(rememberMeParts(second)[0]).isEqualTo(rememberMeParts(first)[0]);
		assertThat(rememberMeParts(second)[1]).isNotEqualTo(rememberMeParts(first)[1]);
		assertThat(this.jdbc.sql("select token_hash from remember_me_token where user_id = :id")
			.param("id", learner.id())
			.query(byte[].class)
			.single()).isEqualTo(sha256(rememberMeParts(second)[1]));
		this.mvc.perform(get("/").cookie(second)).andExpect(signedIn());
	}

	@Test
	void requestsSentTogetherWithTheSameCookieAllSucceed() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Cookie cookie = cookie(this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD)).andReturn(),
				REMEMBER_ME);
		this.mvc.perform(get("/").cookie(cookie)).andExpect(signedIn());

		// The page's other request carried the same cookie, a moment later.
		MvcResult late = this.mvc.perform(get("/").cookie(cookie)).andExpect(signedIn()).andReturn();

		assertThat(late.getResponse().getHeaders("Set-Cookie")).noneMatch((header) -> header.startsWith(REMEMBER_ME));
		assertThat(tokensOf(learner)).isOne();
	}

	@Test
	void aReplacedTokenUsedAgainEndsEveryLoginOfTheUser() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Cookie stolen = cookie(this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD)).andReturn(),
				REMEMBER_ME);
		Cookie otherSession = cookie(this.mvc.perform(logIn(learner.getUsername(), Learners.PASSWORD)).andReturn(),
				"SESSION");
		// The thief uses the cookie first, and gets a session and a new token.
		MvcResult thief = this.mvc.perform(get("/").cookie(stolen)).andExpect(signedIn()).andReturn();
		this.jdbc.sql("update remember_me_token set rotated_at = rotated_at - interval '1 hour' where user_id = :id")
			.param("id", learner.id())
			.update();

		MvcResult owner = this.mvc.perform(get("/").cookie(stolen)).andExpect(signedOut()).andReturn();

		assertThat(cookie(owner, REMEMBER_ME).getMaxAge()).isZero();
		assertThat(tokensOf(learner)).isZero();
		assertThat(sessionsOf(learner)).isZero();
		this.mvc.perform(get("/").cookie(cookie(thief, "SESSION"))).andExpect(signedOut());
		this.mvc.perform(get("/").cookie(cookie(thief, REMEMBER_ME))).andExpect(signedOut());
		this.mvc.perform(get("/").cookie(otherSession)).andExpect(signedOut());
	}

	@Test
	void anUnknownOrForgedCookieIsClearedAndIgnored() throws Exception {
		for (String value : List.of("bm90Omtub3du", "not base64 at all", "b25seW9uZXBhcnQ")) {
			MvcResult result = this.mvc.perform(get("/").cookie(new Cookie(REMEMBER_ME, value)))
				.andExpect(signedOut())
				.andReturn();
			assertThat(cookie(result, REMEMBER_ME).getMaxAge()).as(value).isZero();
		}
	}

	@Test
	void afterTwoWeeksThePasswordIsAskedAgain() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Cookie rememberMe = cookie(
				this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD)).andReturn(), REMEMBER_ME);
		this.jdbc.sql("update remember_me_token set expires_at = now() - interval '1 second' where user_id = :id")
			.param("id", learner.id())
			.update();

		this.mvc.perform(get("/").cookie(rememberMe)).andExpect(signedOut());

		assertThat(tokensOf(learner)).isZero();
	}

	@Test
	void loggingOutForgetsThisBrowser() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		MvcResult login = this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD)).andReturn();
		this.mvc.perform(logInRemembered(learner.getUsername(), Learners.PASSWORD));

		MvcResult logout = this.mvc.perform(post("/logout").cookie(login.getResponse().getCookies()).with(csrf()))
			.andReturn();

		assertThat(cookie(logout, REMEMBER_ME).getMaxAge()).isZero();
		assertThat(tokensOf(learner)).as("the other browser's").isOne();
		this.mvc.perform(get("/").cookie(cookie(login, REMEMBER_ME))).andExpect(signedOut());
	}

	@Test
	void deletingAnAccountDeletesItsTokens() {
		AccountPrincipal learner = this.learners.aLearner();
		this.jdbc.sql("""
				insert into remember_me_token (series, user_id, token_hash, created_at, last_used_at, expires_at)
				values ('series-of-a-deleted-user', :id, sha256('x'::bytea), now(), now(), now() + interval '1 day')
				""").param("id", learner.id()).update();

		this.jdbc.sql("delete from app_user where id = :id").param("id", learner.id()).update();

		assertThat(tokensOf(learner)).isZero();
	}

	private long tokensOf(AccountPrincipal learner) {
		return this.jdbc.sql("select count(*) from remember_me_token where user_id = :id")
			.param("id", learner.id())
			.query(Long.class)
			.single();
	}

	private long sessionsOf(AccountPrincipal learner) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :email")
			.param("email", learner.getUsername())
			.query(Long.class)
			.single();
	}

	private static ResultMatcher signedIn() {
		return content().string(containsString("Signed in as"));
	}

	private static ResultMatcher signedOut() {
		return content().string(not(containsString("Signed in as")));
	}

	private static byte[] sha256(String value) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
	}

}
