package dev.roadmap.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.roadmap.account.AccessTokenException;
import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.account.TokenScope;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.test.ApiClient;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every API route × every kind of user × every token scope → the status they get. A token
 * acts only on its own user's data (no route names another learner), only within its
 * scope, and only within its user's roles: a scope a role does not allow cannot be given
 * to a token at all.
 */
@RoadmapIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationMatrixIntegrationTests {

	/** The kinds of user, as the pages' matrix has them, by their roles. */
	static final Map<String, Set<Role>> KINDS = Map.of("learner", EnumSet.of(Role.LEARNER), "another learner",
			EnumSet.of(Role.LEARNER), "mentor", EnumSet.of(Role.MENTOR), "learner and mentor",
			EnumSet.of(Role.LEARNER, Role.MENTOR), "admin", EnumSet.of(Role.ADMIN), "visitor",
			EnumSet.noneOf(Role.class));

	/** The learner's skill whose review the mentors' routes read and comment on. */
	static final String MENTORED_STAGE = "projects";

	static final String MENTORED_SKILL_SLUG = "blog-platform";

	static final String MENTORED_SKILL = MENTORED_STAGE + "/" + MENTORED_SKILL_SLUG;

	enum Route {

		STAGES("GET", "/api/v1/stages", null), STAGE("GET", "/api/v1/stages/databases", null),
		ME("GET", "/api/v1/me", null), MY_PROGRESS("GET", "/api/v1/me/progress", null),
		SET_STATUS("PUT", "/api/v1/me/skills/databases/design-tables/status", "{\"status\":\"IN_PROGRESS\"}"),
		HISTORY("GET", "/api/v1/me/history", null), REVIEW("GET", "/api/v1/me/skills/projects/todo-app/review", null),
		// Allowed, then refused by the review rules: the skill is not done.
		REQUEST_REVIEW("POST", "/api/v1/me/skills/projects/todo-app/review", "{\"url\":\"https://git.example.com/x\"}"),
		REPLY("POST", "/api/v1/me/skills/projects/todo-app/review/comments", "{\"body\":\"Hello\"}"),
		// The mentor's routes, about the learner: both kinds of mentor mentor them.
		MENTOR_COHORTS("GET", "/api/v1/mentor/cohorts", null), MENTOR_LEARNERS("GET", "/api/v1/mentor/learners", null),
		MENTOR_LEARNER("GET", "/api/v1/mentor/learners/{learner}", null),
		MENTOR_QUEUE("GET", "/api/v1/mentor/queue", null),
		MENTOR_REVIEW("GET", "/api/v1/mentor/reviews/{learner}/" + MENTORED_SKILL, null), MENTOR_COMMENT("POST",
				"/api/v1/mentor/reviews/{learner}/" + MENTORED_SKILL + "/comments", "{\"body\":\"Hello\"}");

		final String method;

		final String path;

		final String body;

		Route(String method, String path, String body) {
			this.method = method;
			this.path = path;
			this.body = body;
		}

		/**
		 * What a request with a token of that scope (null: no token) gets.
		 */
		int expected(TokenScope scope) {
			return switch (this) {
				case STAGES, STAGE -> 200;
				case ME -> (scope != null) ? 200 : 401;
				case MY_PROGRESS, HISTORY, REVIEW ->
					(scope == null) ? 401 : (scope == TokenScope.PROGRESS_READ) ? 200 : 403;
				case REQUEST_REVIEW, REPLY -> (scope == null) ? 401 : (scope == TokenScope.REVIEWS_WRITE) ? 422 : 403;
				case SET_STATUS -> (scope == null) ? 401 : (scope == TokenScope.PROGRESS_WRITE) ? 200 : 403;
				case MENTOR_COHORTS, MENTOR_LEARNERS, MENTOR_LEARNER, MENTOR_QUEUE, MENTOR_REVIEW ->
					(scope == null) ? 401 : (scope == TokenScope.MENTORING_READ) ? 200 : 403;
				case MENTOR_COMMENT -> (scope == null) ? 401 : (scope == TokenScope.MENTORING_WRITE) ? 200 : 403;
			};
		}

	}

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	AccessTokenService tokens;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewScenario scenario;

	private final Map<String, AccountPrincipal> users = new HashMap<>();

	/** One token per kind of user and scope, made on first use (a user may have 20). */
	private final Map<String, String> issued = new HashMap<>();

	@BeforeAll
	void oneUserOfEachKind() {
		KINDS.forEach((kind, roles) -> {
			if (!roles.isEmpty()) {
				this.users.put(kind, this.learners.withRoles(roles));
			}
		});
		AccountPrincipal learner = this.users.get("learner");
		this.scenario.cohort(learner, this.users.get("mentor"), this.users.get("learner and mentor"));
		this.scenario.requestReview(learner, this.roadmap.skill(MENTORED_STAGE, MENTORED_SKILL_SLUG).orElseThrow());
	}

	Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (String kind : KINDS.keySet()) {
			List<TokenScope> scopes = new ArrayList<>();
			if (!KINDS.get(kind).isEmpty()) {
				scopes.addAll(List.of(TokenScope.values()));
			}
			scopes.add(null);
			for (TokenScope scope : scopes) {
				for (Route route : Route.values()) {
					cases.add(Arguments.of(kind, scope, route));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} with a token scoped {1}: {2}")
	@MethodSource("cases")
	void eachRouteAnswersAsItsScopeAndTheUsersRolesSay(String kind, TokenScope scope, Route route) throws Exception {
		AccountPrincipal user = this.users.get(kind);
		String token = null;
		if (scope != null) {
			if (!user.hasRole(scope.role())) {
				assertThatThrownBy(() -> this.tokens.issue(user, "x", 7, Set.of(scope)))
					.as("%s may not give a token %s", kind, scope)
					.isInstanceOf(AccessTokenException.class);
				return;
			}
			token = this.issued.computeIfAbsent(kind + " " + scope,
					(name) -> this.tokens.issue(user, name, 7, Set.of(scope)).secret());
		}

		Map<Long, ?> before = (user != null) ? this.progress.statusesOf(user.id()) : Map.of();

		HttpResponse<String> response = send(route, token);

		assertThat(response.statusCode()).as("%s %s: %s", route.method, route.path, response.body())
			.isEqualTo(route.expected(scope));
		if (response.statusCode() != 200 && user != null) {
			assertThat(this.progress.statusesOf(user.id())).as("nothing changed").isEqualTo(before);
		}
	}

	private HttpResponse<String> send(Route route, String token) throws Exception {
		String path = route.path.replace("{learner}", Long.toString(this.users.get("learner").id()));
		return new ApiClient(this.http).send(route.method, path, token, route.body);
	}

}
