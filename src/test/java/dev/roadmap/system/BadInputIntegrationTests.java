package dev.roadmap.system;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every form and route with a body, fed hostile and odd input. Each case is either
 * accepted and shown back exactly as typed (escaped), or refused with a 4xx and nothing
 * stored; never a 500, never a half-saved change.
 */
@RoadmapIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests {

	/** Payloads by name: each replaces one field of an otherwise valid form. */
	static final Map<String, String> PAYLOADS = new LinkedHashMap<>();

	static {
		PAYLOADS.put("empty", "");
		PAYLOADS.put("blank", "   \t ");
		PAYLOADS.put("oversized", "x".repeat(5000));
		PAYLOADS.put("right-to-left", "\u0645\u0631\u062d\u0628\u0627 \u200f\u05e9\u05dc\u05d5\u05dd");
		PAYLOADS.put("zero-width", "a\u200bb\u200dc\ufeffd");
		PAYLOADS.put("emoji", "\ud83d\ude80 \ud83d\udc69\ud83c\udffd\u200d\ud83d\udcbb");
		PAYLOADS.put("combining", "e\u0301te\u0301");
		PAYLOADS.put("nul", "a\u0000b");
		PAYLOADS.put("sql-injection", "' OR '1'='1'; DROP TABLE app_user; --");
		PAYLOADS.put("html", "<script>alert(1)</script><img src=x onerror=alert(2)>");
		PAYLOADS.put("javascript-url", "javascript:alert(document.cookie)");
		PAYLOADS.put("wrong-type", "12abc");
	}

	private static final List<String> TABLES = List.of("app_user", "user_role", "skill_status", "status_event",
			"review_comment", "review_event", "review_claim", "cohort", "cohort_learner", "cohort_mentor",
			"notification", "audit_log", "password_reset_token");

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	CohortService cohorts;

	@Autowired
	JdbcClient jdbc;

	private final List<String> outcomes = new ArrayList<>();

	private AccountPrincipal learner;

	private AccountPrincipal mentor;

	private Skill project;

	private Skill api;

	private AccountPrincipal accountHolder;

	private AccountPrincipal admin;

	private Cohort cohort;

	private String accountHolderPasswordHash;

	@BeforeAll
	void createALearnerWithAReviewAndTheirMentor() {
		Cohort cohort = this.cohorts.create("Bad input " + System.nanoTime());
		this.cohort = cohort;
		this.accountHolder = this.learners.aLearner();
		this.admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
		this.accountHolderPasswordHash = this.jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", this.accountHolder.id())
			.query(String.class)
			.single();
		this.learner = this.learners.aLearner();
		this.mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		this.cohorts.enrol(cohort.id(), this.learner.id());
		this.cohorts.assignMentor(cohort.id(), this.mentor.id());
		this.project = this.roadmap.stage("projects").orElseThrow().skills().get(0);
		this.api = this.roadmap.stage("apis").orElseThrow().skills().get(0);
		this.progress.setStatus(this.learner.id(), this.project, SkillStatus.DONE);
		this.progress.setStatus(this.learner.id(), this.api, SkillStatus.DONE);
		this.reviews.requestReview(this.learner.id(), this.project, new Evidence("https://github.com/a/b", null, "x"));
	}

	@AfterAll
	void report() {
		System.out.println("bad-input cases: " + this.outcomes.size() + " ("
				+ this.outcomes.stream().filter((o) -> o.startsWith("accepted")).count() + " accepted, "
				+ this.outcomes.stream().filter((o) -> o.startsWith("refused")).count() + " refused)");
	}

	Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (Form form : forms()) {
			for (String field : form.fields().keySet()) {
				PAYLOADS.forEach((name, payload) -> cases
					.add(Arguments.of(form.name() + " " + field + "=" + name, form, field, payload)));
			}
		}
		return cases.stream();
	}

	Stream<Arguments> forgeries() {
		List<Arguments> cases = new ArrayList<>();
		for (Form form : forms()) {
			cases.add(Arguments.of(form.name() + " without CSRF token", form, Forgery.NO_TOKEN));
			cases.add(Arguments.of(form.name() + " with a wrong CSRF token", form, Forgery.WRONG_TOKEN));
			cases.add(Arguments.of(form.name() + " as PUT", form, Forgery.PUT));
			cases.add(Arguments.of(form.name() + " as DELETE", form, Forgery.DELETE));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void hostileInputIsAcceptedVerbatimOrRefusedWithNothingStored(String name, Form form, String field, String payload)
			throws Exception {
		Map<String, String> fields = new LinkedHashMap<>(form.fields());
		fields.put(field, payload);
		String before = fingerprint();

		MockHttpServletResponse response = this.mvc
			.perform(with(request(HttpMethod.POST, form.path()), fields, form.as()).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).as(name).isLessThan(500);
		if (response.getStatus() >= 400) {
			this.outcomes.add("refused " + name);
			assertThat(fingerprint()).as(name + ": nothing stored").isEqualTo(before);
			String body = response.getContentAsString();
			if (!body.isEmpty()) {
				assertThat(body).as(name + ": the form renders again")
					.contains("<main")
					.doesNotContain(payload.contains("<") ? payload : "\u0000");
			}
		}
		else {
			this.outcomes.add("accepted " + name);
			assertThat(response.getStatus()).as(name).isBetween(300, 399);
			if (form.shownOn() != null && payload.strip().length() > 0) {
				String page = this.mvc.perform(get(form.shownOn()).with(user(form.as())))
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(page).as(name + ": shown back as typed, escaped")
					.contains(HtmlUtils.htmlEscape(payload.strip(), "UTF-8"))
					.doesNotContain("<script>alert(1)</script>");
			}
			form.reset().apply(this);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgeries")
	void forgedOrWrongMethodRequestsChangeNothing(String name, Form form, Forgery forgery) throws Exception {
		String before = fingerprint();
		HttpMethod method = switch (forgery) {
			case PUT -> HttpMethod.PUT;
			case DELETE -> HttpMethod.DELETE;
			default -> HttpMethod.POST;
		};
		MockHttpServletRequestBuilder request = with(request(method, form.path()), form.fields(), form.as());
		if (forgery == Forgery.WRONG_TOKEN) {
			request.with(csrf().useInvalidToken());
		}
		if (forgery == Forgery.PUT || forgery == Forgery.DELETE) {
			request.with(csrf());
		}

		int status = this.mvc.perform(request).andReturn().getResponse().getStatus();

		this.outcomes.add("refused " + name);
		assertThat(status).as(name).isBetween(400, 499);
		assertThat(fingerprint()).as(name + ": nothing stored").isEqualTo(before);
	}

	private List<Form> forms() {
		String review = "/mentor/reviews/" + this.learner.id() + "/" + this.project.id();
		return List.of(
				new Form("register", "/register",
						Map.of("email", "bad-input@example.com", "displayName", "Ada", "password", "a long password!"),
						null, null,
						(test) -> test.jdbc
							.sql("delete from app_user where email like '%bad-input%' or "
									+ "display_name not in ('Test User', 'Ada') and email like 'bad-input%'")
							.update()),
				new Form("status", "/stages/apis/skills/" + this.api.slug() + "/status", Map.of("status", "DONE"),
						this.learner, null, (test) -> 0),
				new Form("review", "/stages/projects/skills/" + this.project.slug() + "/review",
						Map.of("url", "https://github.com/a/b", "liveUrl", "https://a.example", "note", "Notes"),
						this.learner, "/stages/projects", (test) -> 0),
				new Form("reply", "/stages/projects/skills/" + this.project.slug() + "/comments",
						Map.of("comment", "Thanks"), this.learner, "/stages/projects", (test) -> 0),
				new Form("mentor comment", review + "/comments", Map.of("comment", "Looks good"), this.mentor, review,
						(test) -> 0),
				new Form("display name", "/account/name", Map.of("displayName", "Ada"), this.accountHolder, "/account",
						(test) -> 0),
				new Form("e-mail change", "/account/email",
						Map.of("email", "bad-input-new@example.com", "currentPassword", Learners.PASSWORD),
						this.accountHolder, null, BadInputIntegrationTests::restoreAccountHolder),
				new Form("time zone", "/account/time-zone", Map.of("timeZone", "Europe/Berlin"), this.accountHolder,
						null, (test) -> 0),
				new Form("password change", "/account/password",
						Map.of("currentPassword", Learners.PASSWORD, "newPassword", "another long password"),
						this.accountHolder, null, BadInputIntegrationTests::restoreAccountHolder),
				new Form("account deletion", "/account/delete",
						Map.of("currentPassword", "not the password", "confirmation", "DELETE"), this.accountHolder,
						null, (test) -> 0),
				new Form("public page", "/account/public-page", Map.of("enabled", "true", "handle", "bad-input-holder"),
						this.accountHolder, "/account",
						(test) -> test.jdbc
							.sql("update app_user set public_handle = null, public_page = false where id = :id")
							.param("id", test.accountHolder.id())
							.update()),
				new Form("password reset request", "/password-reset", Map.of("email", "nobody@example.com"), null, null,
						(test) -> 0),
				new Form("new cohort", "/admin/cohorts", Map.of("name", "Bad input cohort"), this.admin,
						"/admin/cohorts",
						(test) -> test.jdbc
							.sql("delete from cohort where id <> :id and name not like 'Cohort %' and created_at > now() - interval '1 hour' "
									+ "and not exists (select 1 from cohort_learner l where l.cohort_id = cohort.id) "
									+ "and not exists (select 1 from cohort_mentor m where m.cohort_id = cohort.id)")
							.param("id", test.cohort.id())
							.update()),
				new Form("cohort rename", "/admin/cohorts/" + this.cohort.id() + "/name",
						Map.of("name", this.cohort.name()), this.admin, "/admin/cohorts/" + this.cohort.id(),
						(test) -> 0),
				new Form("enrol learner", "/admin/cohorts/" + this.cohort.id() + "/learners",
						Map.of("email", this.learner.getUsername()), this.admin, null, (test) -> 0),
				new Form("roles", "/admin/users/" + this.accountHolder.id() + "/roles", Map.of("roles", "LEARNER"),
						this.admin, null,
						(test) -> test.jdbc
							.sql("insert into user_role (user_id, role) values (:id, 'LEARNER') on conflict do nothing")
							.param("id", test.accountHolder.id())
							.update()));
	}

	/**
	 * Puts the account holder's e-mail and password back after a change was accepted.
	 */
	private static int restoreAccountHolder(BadInputIntegrationTests test) {
		return test.jdbc.sql("update app_user set email = :email, password_hash = :hash where id = :id")
			.param("email", test.accountHolder.getUsername())
			.param("hash", test.accountHolderPasswordHash)
			.param("id", test.accountHolder.id())
			.update();
	}

	private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> fields,
			AccountPrincipal as) {
		fields.forEach(request::param);
		if (as != null) {
			request.with(user(as));
		}
		return request;
	}

	private String fingerprint() {
		StringBuilder fingerprint = new StringBuilder();
		for (String table : TABLES) {
			fingerprint.append(table)
				.append('=')
				.append(this.jdbc
					.sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from " + table + " t")
					.query(String.class)
					.single())
				.append(';');
		}
		return fingerprint.toString();
	}

	/**
	 * A form of the site: where it posts, valid values for its fields, who sends it, the
	 * page that shows what it saved, and how to undo an accepted case so the next one
	 * starts alike.
	 */
	record Form(String name, String path, Map<String, String> fields, AccountPrincipal as, String shownOn,
			Function<BadInputIntegrationTests, Integer> reset) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	enum Forgery {

		NO_TOKEN, WRONG_TOKEN, PUT, DELETE

	}

}
