package dev.roadmap.api;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.TokenScope;
import dev.roadmap.admin.AuditAction;
import dev.roadmap.admin.AuditEntry;
import dev.roadmap.admin.AuditLog;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.ApiClient;
import dev.roadmap.test.Http;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mentor's API over real HTTP: only their own cohorts' learners, the queue and the
 * review actions with the pages' claim rules, every action in the audit log with the
 * token that took it, and the reads within the mentor pages' budgets.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
class MentorApiIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	ReviewScenario scenario;

	@Autowired
	AccessTokenService tokens;

	@Autowired
	AuditLog audit;

	@Autowired
	JsonMapper json;

	@Autowired
	StatementCounter statements;

	private ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.http);
	}

	@Test
	void aMentorSeesTheirCohortsLearnersAndNobodyElses() throws Exception {
		AccountPrincipal mentor = this.scenario.mentor("Mira");
		AccountPrincipal ahead = this.scenario.learner("Ada");
		AccountPrincipal behind = this.scenario.learner("Bo");
		AccountPrincipal outsider = this.scenario.learner("Cy");
		long cohort = this.scenario.cohort(new AccountPrincipal[] { ahead, behind }, mentor);
		long othersCohort = this.scenario.cohort(outsider, this.scenario.mentor("Other"));
		Skill skill = this.scenario.skill("databases", 0);
		this.scenario.setStatus(ahead, skill, SkillStatus.DONE);
		String token = token(mentor, TokenScope.MENTORING_READ);

		JsonNode cohorts = ok(this.api.get("/api/v1/mentor/cohorts", token));
		JsonNode byProgress = ok(this.api.get("/api/v1/mentor/learners?sort=PROGRESS&dir=desc", token));
		JsonNode firstOfOne = ok(this.api.get("/api/v1/mentor/learners?size=1", token));
		JsonNode ada = ok(this.api.get("/api/v1/mentor/learners/" + ahead.id(), token));

		assertThat(cohorts.get("items").findValuesAsString("name")).hasSize(1);
		assertThat(cohorts.get("items").get(0).get("id").asLong()).isEqualTo(cohort);
		assertThat(byProgress.get("items").findValuesAsString("name")).containsExactly("Ada", "Bo");
		assertThat(byProgress.get("total").asLong()).isEqualTo(2);
		assertThat(byProgress.get("next").isNull()).isTrue();
		assertThat(byProgress.get("items").get(0).get("stages").get("databases").get("done").asInt()).isEqualTo(1);
		assertThat(firstOfOne.get("items")).hasSize(1);
		assertThat(firstOfOne.get("next").asInt()).isEqualTo(2);
		assertThat(ada.get("name").asString()).isEqualTo("Ada");
		assertThat(ada.get("progress").get("overall").get("done").asInt()).isEqualTo(1);
		assertProblem(this.api.get("/api/v1/mentor/learners/" + outsider.id(), token), 404, "not-found");
		assertProblem(this.api.get("/api/v1/mentor/learners?cohort=" + othersCohort, token), 404, "not-found");
		assertProblem(this.api.get("/api/v1/mentor/learners?size=101", token), 422, "invalid-input");
		assertProblem(this.api.get("/api/v1/mentor/learners?sort=SHOE", token), 400, "malformed-request");
		assertProblem(this.api.get("/api/v1/mentor/queue?skill=databases/nothing", token), 422, "invalid-input");
	}

	@Test
	void reviewActionsKeepThePagesClaimRulesAndAreAudited() throws Exception {
		AccountPrincipal first = this.scenario.mentor("First");
		AccountPrincipal second = this.scenario.mentor("Second");
		AccountPrincipal learner = this.scenario.learner("Lee");
		this.scenario.cohort(learner, first, second);
		Skill todo = this.scenario.skill("projects", 0);
		this.scenario.requestReview(learner, todo);
		String firstToken = token(first, TokenScope.MENTORING_READ, TokenScope.MENTORING_WRITE);
		String secondToken = token(second, TokenScope.MENTORING_READ, TokenScope.MENTORING_WRITE);
		String path = "/api/v1/mentor/reviews/" + learner.id() + "/" + todo.key();
		int iteration = this.scenario.reviews().reviewOf(learner.id(), todo.id()).iteration();

		JsonNode claimed = ok(this.api.send("POST", path + "/claim", firstToken, null));
		HttpResponse<String> taken = this.api.send("POST", path + "/claim", secondToken, null);
		HttpResponse<String> unclaimed = this.api.send("POST", path + "/approve", secondToken,
				"{\"iteration\":" + iteration + "}");
		JsonNode queue = ok(this.api.get("/api/v1/mentor/queue", secondToken));
		HttpResponse<String> noIteration = this.api.send("POST", path + "/approve", firstToken, "{}");
		HttpResponse<String> stale = this.api.send("POST", path + "/approve", firstToken,
				"{\"iteration\":" + (iteration + 1) + "}");
		JsonNode approved = ok(this.api.send("POST", path + "/approve", firstToken,
				"{\"iteration\":" + iteration + ",\"comment\":\"Well done\"}"));

		assertThat(claimed.get("claim").get("mentorName").asString()).isEqualTo("First");
		assertProblem(taken, 409, "claimed-by-another");
		assertThat(this.json.readTree(taken.body()).get("detail").asString()).contains("First");
		assertProblem(unclaimed, 409, "claim-required");
		assertThat(queue.get("items")).hasSize(1);
		assertThat(queue.get("items").get(0).get("skill").asString()).isEqualTo(todo.key());
		assertThat(queue.get("items").get(0).get("claimedBy").get("mentorName").asString()).isEqualTo("First");
		assertProblem(noIteration, 422, "invalid-input");
		assertThat(this.json.readTree(noIteration.body()).get("errors").has("iteration")).isTrue();
		assertProblem(stale, 422, "invalid-input");
		assertThat(approved.get("review").get("state").asString()).isEqualTo(ReviewState.APPROVED.name());
		assertThat(approved.get("review").get("comments").findValuesAsString("body")).contains("Well done");
		assertThat(approved.get("claim").isNull()).isTrue();
		assertThat(ok(this.api.get("/api/v1/mentor/queue", secondToken)).get("items")).isEmpty();
		List<AuditEntry> entries = entriesBy(first);
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly(AuditAction.API_REVIEW_APPROVED, AuditAction.API_REVIEW_CLAIMED);
		assertThat(entries.get(0).targetUserId()).isEqualTo(learner.id());
		assertThat(entries.get(0).afterValue()).contains(todo.key(), "iteration " + iteration, "\u201ctest\u201d");
		assertThat(entriesBy(second)).as("refused actions leave no entry").isEmpty();
	}

	@Test
	void aMentorTalksInTheConversationClaimedOrNot() throws Exception {
		AccountPrincipal mentor = this.scenario.mentor("Mo");
		AccountPrincipal learner = this.scenario.learner("Lu");
		this.scenario.cohort(learner, mentor);
		Skill todo = this.scenario.skill("projects", 0);
		this.scenario.requestReview(learner, todo);
		String token = token(mentor, TokenScope.MENTORING_WRITE);
		String path = "/api/v1/mentor/reviews/" + learner.id() + "/" + todo.key();

		JsonNode commented = ok(this.api.send("POST", path + "/comments", token, "{\"body\":\"Which database?\"}"));
		HttpResponse<String> blank = this.api.send("POST", path + "/comments", token, "{\"body\":\"  \"}");
		HttpResponse<String> readWithoutScope = this.api.get(path, token);
		HttpResponse<String> noReview = this.api.send("POST",
				"/api/v1/mentor/reviews/" + learner.id() + "/" + this.scenario.skill("projects", 1).key() + "/comments",
				token, "{\"body\":\"Hello\"}");

		assertThat(commented.get("review").get("comments").findValuesAsString("body"))
			.containsExactly("Which database?");
		assertProblem(blank, 422, "invalid-input");
		assertProblem(readWithoutScope, 403, "insufficient-scope");
		assertProblem(noReview, 404, "not-found");
		assertThat(entriesBy(mentor)).extracting(AuditEntry::action).containsExactly(AuditAction.API_REVIEW_COMMENTED);
	}

	@Test
	void theMentorReadsKeepTheMentorPagesBudgetsAtAnySize() throws Exception {
		AccountPrincipal mentor = this.scenario.mentor("Budget");
		AccountPrincipal[] few = { this.scenario.learner("A1"), this.scenario.learner("A2") };
		this.scenario.cohort(few, mentor);
		String token = token(mentor, TokenScope.MENTORING_READ);
		List<String> reads = List.of("/api/v1/mentor/learners", "/api/v1/mentor/queue",
				"/api/v1/mentor/learners/" + few[0].id());
		int[] small = countEach(reads, token);

		AccountPrincipal[] many = new AccountPrincipal[30];
		for (int i = 0; i < many.length; i++) {
			many[i] = this.scenario.learner("B" + i);
			this.scenario.requestReview(many[i], this.scenario.skill("projects", 0));
		}
		this.scenario.cohort(many, mentor);
		int[] large = countEach(reads, token);

		assertThat(large).as("the same at 2 and 32 learners").containsExactly(small);
		// The token's check, then the page's reads (the learner: who they are, their
		// statuses), as the mentor pages read them.
		assertThat(small).containsExactly(2, 2, 3);
	}

	private int[] countEach(List<String> paths, String token) throws Exception {
		int[] counts = new int[paths.size()];
		for (int i = 0; i < counts.length; i++) {
			String path = paths.get(i);
			Counted<HttpResponse<String>> counted = this.statements.countRequest(() -> this.api.get(path, token));
			assertThat(counted.result().statusCode()).as(counted.result().body()).isEqualTo(200);
			assertThat(counted.all()).noneMatch(StatementCounter.Statement::session);
			counts[i] = counted.statements();
		}
		return counts;
	}

	private List<AuditEntry> entriesBy(AccountPrincipal actor) {
		return this.audit.page(1, 100)
			.items()
			.stream()
			.filter((entry) -> Long.valueOf(actor.id()).equals(entry.actorId()))
			.toList();
	}

	private String token(AccountPrincipal owner, TokenScope... scopes) {
		return this.tokens.issue(owner, "test", 30, Set.of(scopes)).secret();
	}

	private JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(this.json.readTree(response.body()).get("type").asString()).isEqualTo(ApiProblem.TYPE_PREFIX + type);
	}

}
