package dev.roadmap.account.tokens;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.account.TokenScope;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens on the account page: made with a name, a lifetime and scopes,
 * shown once and stored only as a hash, listed with their last use, revoked by their
 * owner only; a bad form says what is wrong and makes nothing.
 */
@RoadmapIntegrationTest
class AccessTokenPagesIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	AccessTokenService tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenIsShownOnceAndOnlyItsHashIsStored() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);

		HttpResponse<String> made = post(browser, "/account/tokens",
				"name=" + encode("My editor") + "&expiresInDays=90&scopes=progress:read&scopes=progress:write");
		Document shown = Jsoup.parse(browser.get("/account").body());
		Document again = Jsoup.parse(browser.get("/account").body());

		assertThat(made.statusCode()).isEqualTo(303);
		assertThat(made.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/account#tokens"));
		String secret = shown.select("[data-token-secret]").text();
		assertThat(secret).startsWith(AccessTokenService.PREFIX).hasSizeGreaterThan(40);
		assertThat(again.select("[data-token-secret]")).as("shown only once").isEmpty();
		assertThat(again.select("[data-token]")).singleElement().satisfies((row) -> {
			assertThat(row.attr("data-token-state")).isEqualTo("active");
			assertThat(row.text()).contains("My editor", "progress:read", "progress:write", "Never");
		});
		List<String> stored = this.jdbc.sql("select encode(token_hash, 'hex') from access_token where user_id = :user")
			.param("user", learner.id())
			.query(String.class)
			.list();
		assertThat(stored).containsExactly(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII))));
		String everything = this.jdbc.sql("select a::text from access_token a where user_id = :user")
			.param("user", learner.id())
			.query(String.class)
			.single();
		assertThat(everything).doesNotContain(secret.substring(AccessTokenService.PREFIX.length()));
		assertThat(this.tokens.authenticate(secret))
			.hasValueSatisfying((who) -> assertThat(who.principal().id()).isEqualTo(learner.id()));
		assertThat(Jsoup.parse(browser.get("/account").body()).select("[data-token] td").get(3).text()).as("last used")
			.isNotEqualTo("Never");
	}

	@Test
	void aBadFormSaysWhatIsWrongAndMakesNothing() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);

		HttpResponse<String> noName = post(browser, "/account/tokens", "name=&expiresInDays=30&scopes=progress:read");
		HttpResponse<String> noScope = post(browser, "/account/tokens", "name=x&expiresInDays=30");
		HttpResponse<String> tooLong = post(browser, "/account/tokens",
				"name=x&expiresInDays=400&scopes=progress:read");
		HttpResponse<String> notANumber = post(browser, "/account/tokens",
				"name=x&expiresInDays=soon&scopes=progress:read");
		HttpResponse<String> mentorOnly = post(browser, "/account/tokens",
				"name=x&expiresInDays=30&scopes=mentoring:read");
		HttpResponse<String> unknown = post(browser, "/account/tokens", "name=x&expiresInDays=30&scopes=everything");

		for (HttpResponse<String> refused : List.of(noName, noScope, tooLong, notANumber, mentorOnly, unknown)) {
			assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(400);
			assertThat(Jsoup.parse(refused.body()).select("form[data-form=token] .field-error")).isNotEmpty();
		}
		assertThat(Jsoup.parse(noName.body()).select("#tokenName-error").text()).isEqualTo("Give the token a name.");
		assertThat(Jsoup.parse(noScope.body()).select("#tokenScopes-error").text())
			.isEqualTo("Tick at least one scope.");
		assertThat(this.tokens.tokensOf(learner.id())).isEmpty();
	}

	@Test
	void onlyItsOwnerRevokesAToken() throws Exception {
		AccountPrincipal owner = this.learners.aLearner();
		AccountPrincipal other = this.learners.aLearner();
		String secret = this.tokens.issue(owner, "script", 7, Set.of(TokenScope.PROGRESS_READ)).secret();
		long id = this.tokens.tokensOf(owner.id()).get(0).id();
		Http ownerBrowser = this.http.fresh().logIn(owner.getUsername(), Learners.PASSWORD);
		Http otherBrowser = this.http.fresh().logIn(other.getUsername(), Learners.PASSWORD);

		HttpResponse<String> byOther = post(otherBrowser, "/account/tokens/" + id + "/revoke", "");
		assertThat(byOther.statusCode()).isEqualTo(303);
		assertThat(this.tokens.authenticate(secret)).as("still acting").isPresent();

		Document page = Jsoup.parse(ownerBrowser.get("/account").body());
		assertThat(page.select("[data-token=" + id + "] details.confirm form[data-form=revoke-token]")).hasSize(1);
		post(ownerBrowser, "/account/tokens/" + id + "/revoke", "");

		assertThat(this.tokens.authenticate(secret)).isEmpty();
		assertThat(Jsoup.parse(ownerBrowser.get("/account").body())
			.select("[data-token=" + id + "]")
			.attr("data-token-state")).isEqualTo("revoked");
	}

	@Test
	void aMentorMayGiveMentoringScopesAndALearnerIsNotOfferedThem() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR));
		AccountPrincipal learner = this.learners.aLearner();

		Document mentorPage = Jsoup
			.parse(this.http.fresh().logIn(mentor.getUsername(), Learners.PASSWORD).get("/account").body());
		Document learnerPage = Jsoup
			.parse(this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD).get("/account").body());

		assertThat(mentorPage.select("input[name=scopes]").eachAttr("value")).contains("mentoring:read",
				"mentoring:write");
		assertThat(learnerPage.select("input[name=scopes]").eachAttr("value")).doesNotContain("mentoring:read")
			.contains("progress:read");
		assertThat(learnerPage.select("[data-tokens-empty]")).hasSize(1);
	}

	@Test
	void theExportListsTheTokensWithoutThemAndDeletingTheAccountEndsThem() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		String secret = this.tokens.issue(learner, "nightly sync", 30, Set.of(TokenScope.PROGRESS_READ)).secret();
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);

		String export = browser.get("/account/export").body();
		assertThat(export).contains("\"accessTokens\"", "nightly sync", "PROGRESS_READ")
			.doesNotContain(secret.substring(AccessTokenService.PREFIX.length()));

		HttpResponse<String> deleted = post(browser, "/account/delete",
				"currentPassword=" + encode(Learners.PASSWORD) + "&confirmation=DELETE");
		assertThat(deleted.statusCode()).isEqualTo(303);
		assertThat(this.tokens.authenticate(secret)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from access_token where user_id = :user")
			.param("user", learner.id())
			.query(Long.class)
			.single()).isZero();
	}

	private static HttpResponse<String> post(Http browser, String path, String form) throws Exception {
		String csrf = Jsoup.parse(browser.get("/account").body())
			.select("form[data-form=token] input[name=_csrf]")
			.val();
		return browser.postForm(path, form + (form.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
