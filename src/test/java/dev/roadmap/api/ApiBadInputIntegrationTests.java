package dev.roadmap.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.TokenScope;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.ApiClient;
import dev.roadmap.test.Http;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API route that takes a JSON body, sent what a careless or hostile client sends:
 * wrong types, unknown fields, not JSON, no body, deep nesting, a huge body, the wrong
 * content type. Each answers a problem whose detail says what is wrong (never a 500,
 * never the pages' HTML), and nothing changes.
 */
@RoadmapIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBadInputIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	ReviewScenario scenario;

	@Autowired
	AccessTokenService tokens;

	@Autowired
	ProgressService progress;

	@Autowired
	JsonMapper json;

	private AccountPrincipal learner;

	private String learnerToken;

	private String mentorToken;

	private Skill todo;

	@BeforeAll
	void aLearnerWithAWaitingReviewAndTheirMentor() {
		this.learner = this.scenario.learner("Careless");
		AccountPrincipal mentor = this.scenario.mentor("Careful");
		this.scenario.cohort(this.learner, mentor);
		this.todo = this.scenario.skill("projects", 0);
		this.scenario.requestReview(this.learner, this.todo);
		this.learnerToken = this.tokens
			.issue(this.learner, "bad input", 7,
					Set.of(TokenScope.PROGRESS_READ, TokenScope.PROGRESS_WRITE, TokenScope.REVIEWS_WRITE))
			.secret();
		this.mentorToken = this.tokens
			.issue(mentor, "bad input", 7, Set.of(TokenScope.MENTORING_READ, TokenScope.MENTORING_WRITE))
			.secret();
	}

	Stream<Arguments> cases() {
		String deep = "[".repeat(100_000) + "]".repeat(100_000);
		String huge = "{\"body\":\"" + "x".repeat(300 * 1024) + "\"}";
		List<Arguments> cases = new ArrayList<>();
		for (String route : List.of("PUT /api/v1/me/skills/databases/design-tables/status",
				"POST /api/v1/me/skills/projects/todo-app/review",
				"POST /api/v1/me/skills/projects/todo-app/review/comments", "POST mentor/approve",
				"POST mentor/changes", "POST mentor/comments")) {
			cases.add(Arguments.of(route, "not JSON", "{status: DONE", 400, "not valid JSON"));
			cases.add(Arguments.of(route, "no body", "", 400, "JSON object"));
			cases.add(Arguments.of(route, "an array", "[1, 2]", 400, "must be"));
			cases.add(Arguments.of(route, "an unknown field", "{\"staus\":\"DONE\"}", 400, "Unknown field 'staus'"));
			// Read as a stream, it is refused at its first bracket: no stack overflow, no
			// 500.
			cases.add(Arguments.of(route, "deep nesting", deep, 400, "must be a JSON object"));
			cases.add(Arguments.of(route, "a huge body", huge, 413, ""));
		}
		cases.add(Arguments.of("PUT /api/v1/me/skills/databases/design-tables/status", "a number for the status",
				"{\"status\":1}", 400, "Field 'status' must be one of"));
		cases.add(Arguments.of("PUT /api/v1/me/skills/databases/design-tables/status", "an unknown status",
				"{\"status\":\"FINISHED\"}", 400, "Field 'status' must be one of"));
		cases.add(Arguments.of("POST mentor/approve", "words for the iteration", "{\"iteration\":\"two\"}", 400,
				"Field 'iteration' must be a whole number"));
		cases.add(Arguments.of("POST mentor/approve", "an object for the comment",
				"{\"iteration\":1,\"comment\":{\"a\":1}}", 400, "Field 'comment' must be a string"));
		cases.add(Arguments.of("POST /api/v1/me/skills/projects/todo-app/review", "a number for the address",
				"{\"url\":42}", 400, "Field 'url' must be a string"));
		cases.add(Arguments.of("POST /api/v1/me/skills/projects/todo-app/review/comments", "a NUL in the text",
				"{\"body\":\"Hi\\u0000there\"}", 400, "Field 'body' holds a NUL character"));
		cases.add(Arguments.of("POST mentor/approve", "true for the comment", "{\"iteration\":1,\"comment\":true}", 400,
				"Field 'comment' must be a string"));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("cases")
	void badBodiesAreRefusedWithWordsAndChangeNothing(String route, String what, String body, int status, String detail)
			throws Exception {
		String method = route.substring(0, route.indexOf(' '));
		String path = path(route.substring(route.indexOf(' ') + 1));
		String token = route.contains("mentor/") ? this.mentorToken : this.learnerToken;
		Map<Long, SkillStatus> statusesBefore = this.progress.statusesOf(this.learner.id());
		SkillReview reviewBefore = this.scenario.reviews().reviewOf(this.learner.id(), this.todo.id());

		HttpResponse<String> response = new ApiClient(this.http).send(method, path, token, body);

		assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(response.body())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("detail").asString()).contains(detail);
		assertThat(response.body().length()).as("the input is not echoed").isLessThan(2000);
		assertThat(this.progress.statusesOf(this.learner.id())).isEqualTo(statusesBefore);
		SkillReview reviewAfter = this.scenario.reviews().reviewOf(this.learner.id(), this.todo.id());
		assertThat(reviewAfter.comments()).hasSameSizeAs(reviewBefore.comments());
		assertThat(reviewAfter.state()).isEqualTo(reviewBefore.state());
		assertThat(reviewAfter.iterations()).hasSameSizeAs(reviewBefore.iterations());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routeNames")
	void aBodyThatIsNotJsonByItsTypeIsRefused(String route) throws Exception {
		String method = route.substring(0, route.indexOf(' '));
		String path = path(route.substring(route.indexOf(' ') + 1));
		Http client = this.http.fresh();

		HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri(path))
			.header("Authorization", "Bearer " + (route.contains("mentor/") ? this.mentorToken : this.learnerToken))
			.header("Content-Type", "text/plain")
			.method(method, HttpRequest.BodyPublishers.ofString("status=DONE"))
			.build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
		assertThat(response.body()).contains(ApiProblem.TYPE_PREFIX + "unsupported-media-type");
	}

	Stream<String> routeNames() {
		return Stream.of("PUT /api/v1/me/skills/databases/design-tables/status",
				"POST /api/v1/me/skills/projects/todo-app/review", "POST mentor/approve");
	}

	private String path(String name) {
		return name.startsWith("mentor/") ? "/api/v1/mentor/reviews/" + this.learner.id() + "/" + this.todo.key() + "/"
				+ name.substring("mentor/".length()) : name;
	}

}
