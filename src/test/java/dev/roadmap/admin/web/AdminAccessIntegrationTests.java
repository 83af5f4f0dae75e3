package dev.roadmap.admin.web;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Only admins reach the admin pages, and every admin form needs its CSRF token.
 */
@RoadmapIntegrationTest
class AdminAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	CohortService cohorts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Http http;

	Cohort cohort;

	AccountPrincipal someone;

	@BeforeEach
	void createACohortAndAUser() {
		this.cohort = this.cohorts.create("Access " + UUID.randomUUID());
		this.someone = this.learners.aLearner();
	}

	static Stream<Arguments> nonAdmins() {
		return Stream.of(Arguments.of(EnumSet.of(Role.LEARNER)), Arguments.of(EnumSet.of(Role.MENTOR)),
				Arguments.of(EnumSet.of(Role.LEARNER, Role.MENTOR)));
	}

	@ParameterizedTest
	@MethodSource("nonAdmins")
	void usersWithoutTheAdminRoleAreForbiddenEveryAdminRouteAndChangeNothing(Set<Role> roles) throws Exception {
		AccountPrincipal user = this.learners.withRoles(roles);
		long entries = auditCount();

		for (Route route : routes()) {
			this.mvc.perform(request(route.method(), route.path()).params(route.params()).with(user(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}

		assertThat(auditCount()).isEqualTo(entries);
		assertThat(this.cohorts.cohort(this.cohort.id()).orElseThrow()).isEqualTo(this.cohort);
		assertThat(this.cohorts.learnersOf(this.cohort.id())).isEmpty();
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		for (Route route : routes()) {
			this.mvc.perform(request(route.method(), route.path()).params(route.params()).with(csrf()))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void adminFormsPostedWithoutTheirCsrfTokenAreRefusedAndChangeNothing() throws Exception {
		AccountPrincipal admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
		long entries = auditCount();

		for (Route route : routes()) {
			if (route.method() == HttpMethod.POST) {
				this.mvc.perform(request(route.method(), route.path()).params(route.params()).with(user(admin)))
					.andExpect(status().isForbidden());
			}
		}

		assertThat(auditCount()).isEqualTo(entries);
		assertThat(this.cohorts.cohort(this.cohort.id()).orElseThrow()).isEqualTo(this.cohort);
		assertThat(this.cohorts.learnersOf(this.cohort.id())).isEmpty();
	}

	@Test
	void aForbiddenAdminPageIsAFriendlyPageInTheSiteLayout() throws Exception {
		HttpResponse<String> response = this.http.postForm("/admin/cohorts", "name=Sneaky");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Not allowed");
		assertThat(this.cohorts.cohorts()).noneMatch((cohort) -> cohort.name().equals("Sneaky"));
	}

	private List<Route> routes() {
		long id = this.cohort.id();
		long user = this.someone.id();
		return List.of(Route.get("/admin"), Route.get("/admin/users"), Route.get("/admin/users?q=a&page=2"),
				Route.get("/admin/users/" + user), Route.get("/admin/cohorts"), Route.get("/admin/cohorts/" + id),
				Route.get("/admin/cohorts/" + id + "/archive"), Route.get("/admin/audit"),
				Route.post("/admin/users/" + user + "/roles", "roles", "ADMIN"),
				Route.post("/admin/cohorts", "name", "Forbidden " + UUID.randomUUID()),
				Route.post("/admin/cohorts/" + id + "/name", "name", "Renamed " + UUID.randomUUID()),
				Route.post("/admin/cohorts/" + id + "/archive"), Route.post("/admin/cohorts/" + id + "/restore"),
				Route.post("/admin/cohorts/" + id + "/learners", "email", this.someone.getUsername()),
				Route.post("/admin/cohorts/" + id + "/learners/" + user + "/remove"),
				Route.post("/admin/cohorts/" + id + "/mentors", "email", this.someone.getUsername()),
				Route.post("/admin/cohorts/" + id + "/mentors/" + user + "/remove"));
	}

	private long auditCount() {
		return this.jdbc.sql("select count(*) from audit_log").query(Long.class).single();
	}

	record Route(HttpMethod method, String path, MultiValueMap<String, String> params) {

		static Route get(String path) {
			return new Route(HttpMethod.GET, path, new LinkedMultiValueMap<>());
		}

		static Route post(String path, String... nameAndValue) {
			LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
			for (int i = 0; i + 1 < nameAndValue.length; i += 2) {
				params.add(nameAndValue[i], nameAndValue[i + 1]);
			}
			return new Route(HttpMethod.POST, path, params);
		}

	}

}
