package dev.roadmap.api;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.TokenScope;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.ApiClient;
import dev.roadmap.test.Http;
import dev.roadmap.test.OpenApiContract;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the description in {@code docs/openapi.json} answers as described:
 * each is called over real HTTP, with a success and, across them, every kind of error
 * (401, 403, 404, 409, 422), and each answer is checked against its schema. An operation
 * added without a case here fails the test.
 */
@RoadmapIntegrationTest
class ApiContractIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	ReviewScenario scenario;

	@Autowired
	AccessTokenService tokens;

	@Autowired
	JsonMapper json;

	private final List<String> problems = new ArrayList<>();

	private OpenApiContract contract;

	private ApiClient api;

	@Test
	void everyOperationAnswersAsDescribed() throws Exception {
		this.contract = OpenApiContract.of(this.json, Path.of("docs/openapi.json"));
		this.api = new ApiClient(this.http);
		AccountPrincipal learner = this.scenario.learner("Contract learner");
		AccountPrincipal mentor = this.scenario.mentor("Contract mentor");
		AccountPrincipal other = this.scenario.mentor("Other mentor");
		long cohort = this.scenario.cohort(learner, mentor, other);
		Skill todo = this.scenario.skill("projects", 0);
		Skill blog = this.scenario.skill("projects", 1);
		this.scenario.requestReview(learner, todo);
		this.scenario.setStatus(learner, blog, SkillStatus.DONE);
		String mine = token(learner, TokenScope.PROGRESS_READ, TokenScope.PROGRESS_WRITE, TokenScope.REVIEWS_WRITE);
		String mentoring = token(mentor, TokenScope.MENTORING_READ, TokenScope.MENTORING_WRITE);
		String otherMentoring = token(other, TokenScope.MENTORING_READ, TokenScope.MENTORING_WRITE);
		String review = "/api/v1/mentor/reviews/" + learner.id() + "/";

		call("GET", "/api/v1/stages", null, null, 200);
		call("GET", "/api/v1/stages/databases", null, null, 200);
		call("GET", "/api/v1/stages/nowhere", null, null, 404);
		call("GET", "/api/v1/me", mine, null, 200);
		call("GET", "/api/v1/me", null, null, 401);
		call("GET", "/api/v1/me/progress", mine, null, 200);
		call("PUT", "/api/v1/me/skills/databases/design-tables/status", mine, "{\"status\":\"DONE\"}", 200);
		call("PUT", "/api/v1/me/skills/databases/design-tables/status", mine, "{}", 422);
		JsonNode history = call("GET", "/api/v1/me/history?limit=1", mine, null, 200);
		call("GET", "/api/v1/me/history?cursor=" + history.get("next").asString(), mine, null, 200);
		call("GET", "/api/v1/me/history?limit=0", mine, null, 422);
		call("GET", "/api/v1/me/skills/" + todo.key() + "/review", mine, null, 200);
		call("POST", "/api/v1/me/skills/" + blog.key() + "/review", mine,
				"{\"url\":\"https://git.example.com/blog\",\"note\":\"Done\"}", 200);
		call("POST", "/api/v1/me/skills/" + blog.key() + "/review/comments", mine, "{\"body\":\"Ready\"}", 200);
		call("GET", "/api/v1/mentor/cohorts", mentoring, null, 200);
		call("GET", "/api/v1/mentor/cohorts", mine, null, 403);
		call("GET", "/api/v1/mentor/learners?sort=ACTIVITY&dir=desc&cohort=" + cohort, mentoring, null, 200);
		call("GET", "/api/v1/mentor/learners/" + learner.id(), mentoring, null, 200);
		call("GET", "/api/v1/mentor/learners/" + mentor.id(), mentoring, null, 404);
		call("GET", "/api/v1/mentor/queue?stage=projects", mentoring, null, 200);
		call("GET", review + todo.key(), mentoring, null, 200);
		call("POST", review + todo.key() + "/claim", mentoring, null, 200);
		call("POST", review + todo.key() + "/claim", otherMentoring, null, 409);
		call("POST", review + todo.key() + "/comments", mentoring, "{\"body\":\"Nice\"}", 200);
		int todoIteration = call("GET", review + todo.key(), mentoring, null, 200).get("review")
			.get("iteration")
			.asInt();
		call("POST", review + todo.key() + "/approve", mentoring, "{\"iteration\":" + todoIteration + "}", 200);
		call("POST", review + blog.key() + "/claim", mentoring, null, 200);
		call("POST", review + blog.key() + "/release", mentoring, null, 200);
		call("POST", review + blog.key() + "/changes", mentoring, "{\"iteration\":1,\"comment\":\"Tests?\"}", 409);
		call("POST", review + blog.key() + "/claim", mentoring, null, 200);
		call("POST", review + blog.key() + "/changes", mentoring, "{\"iteration\":1,\"comment\":\"Add tests\"}", 200);

		assertThat(this.problems).isEmpty();
		assertThat(this.contract.checkedWithSuccess()).as("every described operation, called with success")
			.containsExactlyElementsOf(this.contract.operations());
	}

	/**
	 * The check itself catches what it is there for: a field of the wrong type, a field
	 * not described, a required field missing, a value not in its enum, a schema that is
	 * not in the description.
	 */
	@Test
	void theContractRefusesWhatDoesNotFit() throws Exception {
		OpenApiContract contract = OpenApiContract.of(this.json, Path.of("docs/openapi.json"));
		JsonNode changed = this.json.readTree("{\"skill\":\"a/b\",\"from\":\"DONE\",\"to\":\"DONE\",\"changed\":true}");

		assertThat(contract.problems(changed, contract.schema("StatusChanged"))).isEmpty();
		assertThat(contract.problems(this.json.readTree("{\"skill\":1}"), contract.schema("StatusChanged")))
			.containsExactly("body.skill: not a string: 1");
		assertThat(contract.problems(this.json.readTree("{\"skil\":\"a/b\"}"), contract.schema("StatusChanged")))
			.containsExactly("body.skil: a field the schema does not name");
		assertThat(contract.problems(this.json.readTree("{\"to\":\"FINISHED\"}"), contract.schema("StatusChanged")))
			.hasSize(1);
		assertThat(
				contract.problems(this.json.readTree("{\"title\":\"x\",\"status\":400}"), contract.schema("Problem")))
			.containsExactly("body.type: required, missing");
		assertThat(contract.problems(this.json.readTree("{\"items\":[{\"overall\":{\"done\":\"three\"}}]}"),
				contract.schema("ApiPageLearnerRow")))
			.containsExactly("body.items[0].overall.done: not a whole number: \"three\"");
	}

	private JsonNode call(String method, String path, String token, String body, int status) throws Exception {
		HttpResponse<String> response = this.api.send(method, path, token, body);
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
		this.problems.addAll(this.contract.problems(method, this.http.uri(path), response, this.json));
		return this.json.readTree(response.body());
	}

	private String token(AccountPrincipal owner, TokenScope... scopes) {
		return this.tokens.issue(owner, "contract", 30, Set.of(scopes)).secret();
	}

}
