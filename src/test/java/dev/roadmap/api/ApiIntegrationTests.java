package dev.roadmap.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.account.TokenScope;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.ApiClient;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over real HTTP: tokens authenticate it and session cookies do not, each
 * route needs its scope, a revoked token is refused on the very next request, every error
 * is a problem with a stable type, and the reads keep the pages' budgets.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
class ApiIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	AccessTokenService tokens;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	StatementCounter statements;

	@Test
	void theRoadmapIsPublic() throws Exception {
		HttpResponse<String> stages = send("GET", "/api/v1/stages", null, null);
		HttpResponse<String> databases = send("GET", "/api/v1/stages/databases", null, null);

		assertThat(stages.statusCode()).isEqualTo(200);
		assertThat(stages.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode items = this.json.readTree(stages.body()).get("items");
		assertThat(items).hasSize(this.roadmap.stages().size());
		assertThat(items.get(0).get("slug").asString()).isEqualTo(this.roadmap.stages().get(0).slug());
		JsonNode skills = this.json.readTree(databases.body()).get("skills");
		assertThat(skills).hasSize(this.roadmap.stage("databases").orElseThrow().skills().size());
		assertThat(skills.get(0).get("key").asString()).startsWith("databases/");
		assertProblem(send("GET", "/api/v1/stages/nowhere", null, null), 404, "not-found");
	}

	@Test
	void aTokenReadsItsOwnersProgressAndTicksASkill() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.roadmap.skill("databases", "design-tables").orElseThrow();
		this.progress.setStatus(learner.id(), skill, SkillStatus.IN_PROGRESS);
		String token = token(learner, TokenScope.PROGRESS_READ, TokenScope.PROGRESS_WRITE);

		HttpResponse<String> changed = send("PUT", "/api/v1/me/skills/databases/design-tables/status", token,
				"{\"status\":\"DONE\"}");
		HttpResponse<String> again = send("PUT", "/api/v1/me/skills/databases/design-tables/status", token,
				"{\"status\":\"DONE\"}");
		HttpResponse<String> mine = send("GET", "/api/v1/me/progress", token, null);

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(this.json.readTree(changed.body()).get("from").asString()).isEqualTo("IN_PROGRESS");
		assertThat(this.json.readTree(changed.body()).get("changed").asBoolean()).isTrue();
		assertThat(this.json.readTree(again.body()).get("changed").asBoolean()).isFalse();
		assertThat(this.progress.statusesOf(learner.id())).containsEntry(skill.id(), SkillStatus.DONE);
		JsonNode progress = this.json.readTree(mine.body());
		assertThat(progress.get("overall").get("done").asInt()).isEqualTo(1);
		JsonNode databases = progress.get("stages").get(2);
		assertThat(databases.get("slug").asString()).isEqualTo("databases");
		assertThat(databases.get("skills").findValuesAsString("status")).contains("DONE");
	}

	@Test
	void theSessionCookieAuthenticatesNothingHereAndTheTokenNothingOnPages() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);
		String token = token(learner, TokenScope.PROGRESS_READ);

		HttpResponse<String> withCookie = browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/me/progress"))
			.header("Accept", "application/json")
			.GET()
			.build());
		HttpResponse<String> page = send("GET", "/dashboard", token, null);

		assertProblem(withCookie, 401, "unauthenticated");
		assertThat(withCookie.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(page.statusCode()).as("the dashboard with only a token").isIn(302, 303);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void eachRouteNeedsItsScopeAndARevokedTokenIsRefusedOnTheNextRequest() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		String reader = token(learner, TokenScope.PROGRESS_READ);

		assertThat(send("GET", "/api/v1/me/progress", reader, null).statusCode()).isEqualTo(200);
		HttpResponse<String> write = send("PUT", "/api/v1/me/skills/databases/design-tables/status", reader,
				"{\"status\":\"DONE\"}");
		assertProblem(write, 403, "insufficient-scope");
		assertThat(this.progress.statusesOf(learner.id())).isEmpty();

		long id = this.tokens.tokensOf(learner.id()).get(0).id();
		assertThat(this.tokens.revoke(learner.id(), id)).isTrue();
		assertProblem(send("GET", "/api/v1/me/progress", reader, null), 401, "invalid-token");
		assertProblem(send("GET", "/api/v1/me/progress", "brt_made-up", null), 401, "invalid-token");
		assertProblem(send("GET", "/api/v1/me/progress", null, null), 401, "unauthenticated");
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		String token = token(learner, TokenScope.PROGRESS_READ);
		this.jdbc
			.sql("""
					update access_token set created_at = now() - interval '31 days', expires_at = now() - interval '1 second'
					where user_id = :user""")
			.param("user", learner.id())
			.update();

		assertProblem(send("GET", "/api/v1/me/progress", token, null), 401, "invalid-token");
	}

	@Test
	void aScopeTheUsersRolesNoLongerAllowGivesNothing() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR));
		String token = token(mentor, TokenScope.PROGRESS_READ, TokenScope.MENTORING_READ);
		this.jdbc.sql("delete from user_role where user_id = :user and role = 'MENTOR'")
			.param("user", mentor.id())
			.update();

		JsonNode me = this.json.readTree(send("GET", "/api/v1/me", token, null).body());

		assertThat(me.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("progress:read");
	}

	@Test
	void badRequestsAreProblemsAndChangeNothing() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		String token = token(learner, TokenScope.PROGRESS_WRITE);
		String path = "/api/v1/me/skills/databases/design-tables/status";

		assertProblem(send("PUT", path, token, "{\"status\":"), 400, "malformed-request");
		assertProblem(send("PUT", path, token, "{\"status\":\"FINISHED\"}"), 400, "malformed-request");
		assertProblem(send("PUT", path, token, "{\"status\":42}"), 400, "malformed-request");
		assertProblem(send("PUT", path, token, "{}"), 422, "invalid-input");
		assertProblem(
				send("PUT", path, token, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
				400, "malformed-request");
		assertProblem(send("PUT", "/api/v1/me/skills/databases/nothing/status", token, "{\"status\":\"DONE\"}"), 404,
				"not-found");
		assertProblem(send("GET", "/api/v1/nothing-here", token, null), 404, "not-found");
		assertProblem(send("PUT", path, token, "{\"status\":\"DONE\",\"note\":\"" + "x".repeat(300_000) + "\"}"), 413,
				"too-large");
		assertProblem(send("GET", "/api/v1/me?x=%00", token, null), 400, "malformed-request");
		assertThat(this.progress.statusesOf(learner.id())).isEmpty();
	}

	@Test
	void theHistoryComesInSlicesThatNeitherRepeatNorSkipAnEntry() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		// 25 changes, three at a time at the very same time, so the cursor must break
		// ties.
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select :user, (select id from skill where not retired order by id offset n % 5 limit 1), 'NOT_STARTED',
					'IN_PROGRESS', timestamptz '2026-06-01 12:00:00+00' + (n / 3) * interval '1 hour'
				from generate_series(1, 25) n""").param("user", learner.id()).update();
		String token = token(learner, TokenScope.PROGRESS_READ);

		List<String> seen = new ArrayList<>();
		String cursor = null;
		int slices = 0;
		do {
			HttpResponse<String> slice = send("GET",
					"/api/v1/me/history?limit=10" + ((cursor != null) ? "&cursor=" + cursor : ""), token, null);
			assertThat(slice.statusCode()).as(slice.body()).isEqualTo(200);
			JsonNode body = this.json.readTree(slice.body());
			body.get("items")
				.forEach((item) -> seen.add(item.get("at").asString() + " " + item.get("skill").asString()));
			cursor = body.get("next").isNull() ? null : body.get("next").asString();
			slices++;
		}
		while (cursor != null && slices < 10);

		assertThat(slices).isEqualTo(3);
		List<String> expected = this.jdbc.sql("""
				select e.id, s.slug, st.slug as stage from status_event e join skill s on s.id = e.skill_id
				join stage st on st.id = s.stage_id where e.user_id = :user order by e.occurred_at desc, e.id desc""")
			.param("user", learner.id())
			.query((rs, row) -> rs.getString("stage") + "/" + rs.getString("slug"))
			.list();
		assertThat(seen).hasSize(25).doesNotHaveDuplicates();
		assertThat(seen.stream().map((entry) -> entry.substring(entry.indexOf(' ') + 1)).toList())
			.containsExactlyElementsOf(expected);
		assertProblem(send("GET", "/api/v1/me/history?cursor=bm9wZQ", token, null), 422, "invalid-input");
		assertProblem(send("GET", "/api/v1/me/history?limit=1000", token, null), 422, "invalid-input");
		assertProblem(send("GET", "/api/v1/me/history?limit=many", token, null), 400, "malformed-request");
	}

	@Test
	void aRetriedWriteWithTheSameIdempotencyKeyActsOnceAndAnswersTheSame() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.roadmap.skill("projects", "todo-app").orElseThrow();
		String path = "/api/v1/me/skills/projects/todo-app/review";
		String token = token(learner, TokenScope.REVIEWS_WRITE, TokenScope.PROGRESS_READ);
		String evidence = "{\"url\":\"https://git.example.com/todo\",\"note\":\"Accounts and lists.\"}";

		assertProblem(send("POST", path, token, evidence, "first"), 422, "invalid-input");
		this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);
		assertProblem(send("POST", path, token(learner, TokenScope.PROGRESS_READ), evidence, null), 403,
				"insufficient-scope");
		HttpResponse<String> requested = send("POST", path, token, evidence, "second");
		HttpResponse<String> retried = send("POST", path, token, evidence, "second");
		HttpResponse<String> reply = send("POST", path + "/comments", token, "{\"body\":\"Ready.\"}", "third");
		HttpResponse<String> replyAgain = send("POST", path + "/comments", token, "{\"body\":\"Ready.\"}", "third");
		HttpResponse<String> otherBody = send("POST", path + "/comments", token, "{\"body\":\"Other.\"}", "third");

		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
		assertThat(this.json.readTree(requested.body()).get("state").asString()).isEqualTo("REQUESTED");
		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(this.json.readTree(retried.body())).isEqualTo(this.json.readTree(requested.body()));
		assertThat(replyAgain.body()).isEqualTo(reply.body());
		assertThat(this.json.readTree(replyAgain.body()).get("comments")).hasSize(1);
		assertProblem(otherBody, 422, "idempotency-key-reused");
		assertThat(count("select count(*) from review_iteration where user_id = :user", learner)).isEqualTo(1);
		assertThat(count("select count(*) from review_comment where user_id = :user", learner)).isEqualTo(1);
		HttpResponse<String> read = send("GET", path, token, null);
		assertThat(this.json.readTree(read.body()).get("iterations").get(0).get("url").asString())
			.isEqualTo("https://git.example.com/todo");
	}

	@Test
	void myProgressReadsInOneReadOnlyTransactionWithTheTokensOwnStatement() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		String token = token(learner, TokenScope.PROGRESS_READ);
		send("GET", "/api/v1/me/progress", token, null);

		Counted<HttpResponse<String>> counted = this.statements
			.countRequest(() -> send("GET", "/api/v1/me/progress", token, null));

		assertThat(counted.result().statusCode()).isEqualTo(200);
		// The token's check (which notes its use at most once a minute), then the read.
		assertThat(counted.statements()).as("%s", counted.all()).isEqualTo(2);
		assertThat(counted.all()).noneMatch(StatementCounter.Statement::session);
		assertThat(counted.all().get(1).readOnly()).isTrue();
	}

	private String token(AccountPrincipal owner, TokenScope... scopes) {
		return this.tokens.issue(owner, "test", 30, Set.of(scopes)).secret();
	}

	private long count(String sql, AccountPrincipal user) {
		return this.jdbc.sql(sql).param("user", user.id()).query(Long.class).single();
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		return send(method, path, token, body, null);
	}

	private HttpResponse<String> send(String method, String path, String token, String body, String key)
			throws Exception {
		return new ApiClient(this.http).send(method, path, token, body, key);
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo(ApiProblem.TYPE_PREFIX + type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
	}

}
