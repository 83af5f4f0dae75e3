package dev.roadmap.mentoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Claim;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewComment;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.roadmap.mentoring.AuthorizationMatrixIntegrationTests.Outcome.FORBIDDEN;
import static dev.roadmap.mentoring.AuthorizationMatrixIntegrationTests.Outcome.LOGIN;
import static dev.roadmap.mentoring.AuthorizationMatrixIntegrationTests.Outcome.NOT_FOUND;
import static dev.roadmap.mentoring.AuthorizationMatrixIntegrationTests.Outcome.OK;
import static dev.roadmap.mentoring.AuthorizationMatrixIntegrationTests.Outcome.OK_WITHOUT_LEARNER;
import static dev.roadmap.mentoring.AuthorizationMatrixIntegrationTests.Outcome.SEE_OTHER;
import static dev.roadmap.mentoring.AuthorizationMatrixIntegrationTests.Outcome.SHOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 3's object-level authorization as one matrix: every mentor and review route ×
 * every kind of user → the status they get, and proof that nobody but the learner and the
 * mentor of their cohort ever reads or changes the learner's review.
 *
 * <p>
 * Users and cohorts are made once; before every row the learner's review is put back to a
 * fresh request with no claim and no comments, so each row stands alone.
 */
@RoadmapIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

	private static final String STAGE = "projects";

	private static final String SKILL = "todo-app";

	private static final Evidence SUBMISSION = new Evidence("https://git.example.com/todo", null,
			"A to-do list with accounts.");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	JdbcClient jdbc;

	private Skill skill;

	private Cohort cohort;

	private AccountPrincipal learner;

	private AccountPrincipal anotherLearner;

	private AccountPrincipal cohortMentor;

	private AccountPrincipal otherCohortMentor;

	private AccountPrincipal admin;

	@BeforeAll
	void twoCohortsEachWithAMentorAndALearnerWaitingForAReview() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.skill = this.roadmap.skill(STAGE, SKILL).orElseThrow();
		this.cohort = this.cohorts.create("Matrix cohort " + run);
		Cohort otherCohort = this.cohorts.create("Matrix other cohort " + run);
		this.learner = createUser("Learner " + run, Role.LEARNER);
		this.anotherLearner = createUser("Another learner " + run, Role.LEARNER);
		this.cohortMentor = createUser("Mentor " + run, Role.MENTOR);
		this.otherCohortMentor = createUser("Other mentor " + run, Role.MENTOR);
		this.admin = createUser("Admin " + run, Role.ADMIN);
		this.cohorts.enrol(this.cohort.id(), this.learner.id());
		this.cohorts.assignMentor(this.cohort.id(), this.cohortMentor.id());
		this.cohorts.enrol(otherCohort.id(), this.anotherLearner.id());
		this.cohorts.assignMentor(otherCohort.id(), this.otherCohortMentor.id());
		for (AccountPrincipal each : List.of(this.learner, this.anotherLearner)) {
			this.progress.setStatus(each.id(), this.skill, SkillStatus.DONE);
			this.reviews.requestReview(each.id(), this.skill, SUBMISSION);
		}
	}

	@BeforeEach
	void freshReviewRequestWithoutClaimOrComments() {
		this.jdbc.sql("delete from review_claim where user_id = :learner").param("learner", this.learner.id()).update();
		this.jdbc.sql("delete from review_comment where user_id = :learner")
			.param("learner", this.learner.id())
			.update();
		this.jdbc.sql("""
				update skill_status set review_state = 'NONE', evidence_url = null, evidence_live_url = null,
					evidence_note = null, review_requested_at = null, reviewed_at = null, reviewed_by = null
				where user_id = :learner and skill_id = :skill""")
			.param("learner", this.learner.id())
			.param("skill", this.skill.id())
			.update();
		ProgressSummaries.refresh(this.jdbc, this.learner.id());
		this.reviews.requestReview(this.learner.id(), this.skill, SUBMISSION);
	}

	static Stream<Arguments> matrix() {
		List<Arguments> rows = new ArrayList<>();
		// @formatter:off
		//                                      anonymous  learner    another    mentor     other mentor        admin
		row(rows, Route.MENTOR_PAGE,            LOGIN,     FORBIDDEN, FORBIDDEN, OK,        OK_WITHOUT_LEARNER, FORBIDDEN);
		row(rows, Route.MENTOR_PAGE_OF_COHORT,  LOGIN,     FORBIDDEN, FORBIDDEN, OK,        NOT_FOUND,          FORBIDDEN);
		row(rows, Route.MENTOR_QUEUE_OF_SKILL,  LOGIN,     FORBIDDEN, FORBIDDEN, OK,        OK_WITHOUT_LEARNER, FORBIDDEN);
		row(rows, Route.LEARNER_PAGE,           LOGIN,     FORBIDDEN, FORBIDDEN, OK,        NOT_FOUND,          FORBIDDEN);
		row(rows, Route.REVIEW_PAGE,            LOGIN,     FORBIDDEN, FORBIDDEN, OK,        NOT_FOUND,          FORBIDDEN);
		row(rows, Route.CLAIM,                  LOGIN,     FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND,          FORBIDDEN);
		row(rows, Route.RELEASE,                LOGIN,     FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND,          FORBIDDEN);
		row(rows, Route.APPROVE,                LOGIN,     FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND,          FORBIDDEN);
		row(rows, Route.REQUEST_CHANGES,        LOGIN,     FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND,          FORBIDDEN);
		row(rows, Route.MENTOR_COMMENT,         LOGIN,     FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND,          FORBIDDEN);
		row(rows, Route.REQUEST_REVIEW,         LOGIN,     SEE_OTHER, SEE_OTHER, FORBIDDEN, FORBIDDEN,          FORBIDDEN);
		row(rows, Route.LEARNER_REPLY,          LOGIN,     SEE_OTHER, SEE_OTHER, FORBIDDEN, FORBIDDEN,          FORBIDDEN);
		row(rows, Route.REVIEW_DIGEST,          LOGIN,     NOT_FOUND, NOT_FOUND, SEE_OTHER, SEE_OTHER,          NOT_FOUND);
		row(rows, Route.ADMIN_HOME,             LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          SHOWN);
		row(rows, Route.ADMIN_USER_SEARCH,      LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          OK);
		row(rows, Route.ADMIN_USER,             LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          OK);
		row(rows, Route.ADMIN_UNKNOWN_USER,     LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          NOT_FOUND);
		row(rows, Route.ADMIN_ROLES,            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          SEE_OTHER);
		row(rows, Route.ADMIN_COHORTS,          LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          SHOWN);
		row(rows, Route.ADMIN_COHORT,           LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          OK);
		row(rows, Route.ADMIN_RENAME_COHORT,    LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          SEE_OTHER);
		row(rows, Route.ADMIN_AUDIT,            LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          SHOWN);
		row(rows, Route.ADMIN_WEBHOOKS,         LOGIN,     FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,          SHOWN);
		// @formatter:on
		return rows.stream();
	}

	private static void row(List<Arguments> rows, Route route, Outcome... outcomes) {
		Persona[] personas = Persona.values();
		assertThat(outcomes).hasSameSizeAs(personas);
		for (int i = 0; i < personas.length; i++) {
			rows.add(Arguments.of(route, personas[i], outcomes[i]));
		}
	}

	@ParameterizedTest(name = "{0} as {1} -> {2}")
	@MethodSource("matrix")
	void everyRouteAnswersEveryKindOfUserAsIssue3Says(Route route, Persona persona, Outcome outcome) throws Exception {
		route.arrange(this);
		Snapshot before = snapshot();
		SkillReview anotherBefore = this.reviews.reviewOf(this.anotherLearner.id(), this.skill.id());

		MockHttpServletRequestBuilder request = route.request(this, persona);
		AccountPrincipal principal = principal(persona);
		if (principal != null) {
			request = request.with(user(principal));
		}
		if (route.post) {
			request = request.with(csrf());
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();

		assertThat(response.getStatus()).as("status of %s as %s", route, persona).isEqualTo(outcome.status);
		String body = response.getContentAsString();
		switch (outcome) {
			case LOGIN -> assertThat(response.getRedirectedUrl()).isEqualTo("/login");
			case OK -> assertThat(body).contains(this.learner.displayName());
			case SHOWN -> assertThat(body).contains("<main");
			case OK_WITHOUT_LEARNER ->
				assertThat(body).doesNotContain(this.learner.displayName()).contains(this.anotherLearner.displayName());
			case SEE_OTHER -> assertThat(response.getRedirectedUrl()).isEqualTo(route.redirect(this));
			default -> assertThat(body).doesNotContain(this.learner.displayName());
		}

		Snapshot after = snapshot();
		boolean actsOnLearner = outcome.success && (persona == Persona.LEARNER || persona == Persona.COHORT_MENTOR);
		if (actsOnLearner) {
			route.verifyEffect(this, persona, before, after);
		}
		else {
			assertThat(after).as("the learner's review after a request that may not touch it").isEqualTo(before);
		}
		if (persona == Persona.ANOTHER_LEARNER && outcome.success) {
			route.verifyOwnEffect(this, anotherBefore,
					this.reviews.reviewOf(this.anotherLearner.id(), this.skill.id()));
		}
	}

	private AccountPrincipal principal(Persona persona) {
		return switch (persona) {
			case ANONYMOUS -> null;
			case LEARNER -> this.learner;
			case ANOTHER_LEARNER -> this.anotherLearner;
			case COHORT_MENTOR -> this.cohortMentor;
			case OTHER_COHORT_MENTOR -> this.otherCohortMentor;
			case ADMIN -> this.admin;
		};
	}

	private AccountPrincipal createUser(String name, Role role) {
		return new AccountPrincipal(
				this.accounts.createIfAbsent(Learners.uniqueEmail(), name, Learners.PASSWORD, EnumSet.of(role))
					.orElseThrow(),
				null);
	}

	/**
	 * The iteration the mentor's review page shows, which its decision forms send.
	 */
	String shownIteration() {
		return String.valueOf(this.reviews.reviewOf(this.learner.id(), this.skill.id()).iteration());
	}

	private Snapshot snapshot() {
		long events = this.jdbc.sql("select count(*) from review_event where user_id = :learner")
			.param("learner", this.learner.id())
			.query(Long.class)
			.single();
		return new Snapshot(this.reviews.reviewOf(this.learner.id(), this.skill.id()),
				this.decisions.claimOf(this.learner.id(), this.skill.id()).map(Claim::mentorId), events);
	}

	private String reviewPath() {
		return "/mentor/reviews/" + this.learner.id() + "/" + this.skill.id();
	}

	private void claimAsCohortMentor() {
		this.decisions.claim(this.cohortMentor.id(), this.learner.id(), this.skill.id());
	}

	/**
	 * What the learner's review looks like: state, evidence, conversation, who claimed
	 * it, how many review events it has.
	 */
	record Snapshot(SkillReview review, Optional<Long> claimedBy, long events) {

		ReviewComment lastComment() {
			List<ReviewComment> comments = this.review.comments();
			assertThat(comments).isNotEmpty();
			return comments.get(comments.size() - 1);
		}

	}

	enum Persona {

		ANONYMOUS, LEARNER, ANOTHER_LEARNER, COHORT_MENTOR, OTHER_COHORT_MENTOR, ADMIN

	}

	enum Outcome {

		/** Redirected to log in. */
		LOGIN(302, false),
		/** Refused for want of the role. */
		FORBIDDEN(403, false),
		/** Answered as if the learner or cohort did not exist. */
		NOT_FOUND(404, false),
		/** Shown, with the learner in it. */
		OK(200, true),
		/** Shown, but without the learner. */
		OK_WITHOUT_LEARNER(200, false),
		/** Shown; a page that is not about the learner. */
		SHOWN(200, false),
		/** Done, then redirected. */
		SEE_OTHER(303, true);

		final int status;

		final boolean success;

		Outcome(int status, boolean success) {
			this.status = status;
			this.success = success;
		}

	}

	enum Route {

		MENTOR_PAGE(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/mentor");
			}
		},

		MENTOR_PAGE_OF_COHORT(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/mentor").param("cohort", String.valueOf(test.cohort.id()));
			}
		},

		MENTOR_QUEUE_OF_SKILL(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/mentor").param("queueSkill", String.valueOf(test.skill.id()))
					.param("queueSort", "LEARNER");
			}
		},

		LEARNER_PAGE(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/mentor/learners/" + test.learner.id());
			}
		},

		REVIEW_PAGE(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get(test.reviewPath());
			}
		},

		CLAIM(true) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post(test.reviewPath() + "/claim");
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return test.reviewPath();
			}

			@Override
			void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before,
					Snapshot after) {
				assertThat(after.claimedBy()).contains(test.cohortMentor.id());
				assertThat(after.review()).isEqualTo(before.review());
			}
		},

		RELEASE(true) {
			@Override
			void arrange(AuthorizationMatrixIntegrationTests test) {
				test.claimAsCohortMentor();
			}

			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post(test.reviewPath() + "/release");
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/mentor";
			}

			@Override
			void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before,
					Snapshot after) {
				assertThat(before.claimedBy()).contains(test.cohortMentor.id());
				assertThat(after.claimedBy()).isEmpty();
				assertThat(after.review()).isEqualTo(before.review());
			}
		},

		APPROVE(true) {
			@Override
			void arrange(AuthorizationMatrixIntegrationTests test) {
				test.claimAsCohortMentor();
			}

			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post(test.reviewPath() + "/approve").param("iteration", test.shownIteration());
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/mentor";
			}

			@Override
			void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before,
					Snapshot after) {
				assertThat(after.review().state()).isEqualTo(ReviewState.APPROVED);
				assertThat(after.review().verified()).isTrue();
				assertThat(after.claimedBy()).isEmpty();
				assertThat(after.events()).isEqualTo(before.events() + 1);
			}
		},

		REQUEST_CHANGES(true) {
			@Override
			void arrange(AuthorizationMatrixIntegrationTests test) {
				test.claimAsCohortMentor();
			}

			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post(test.reviewPath() + "/changes").param("iteration", test.shownIteration())
					.param("comment", comment(persona));
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/mentor";
			}

			@Override
			void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before,
					Snapshot after) {
				assertThat(after.review().state()).isEqualTo(ReviewState.CHANGES_REQUESTED);
				assertThat(after.lastComment().body()).isEqualTo(comment(persona));
				assertThat(after.lastComment().authorId()).isEqualTo(test.cohortMentor.id());
				assertThat(after.events()).isEqualTo(before.events() + 1);
			}
		},

		MENTOR_COMMENT(true) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post(test.reviewPath() + "/comments").param("comment", comment(persona));
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return test.reviewPath();
			}

			@Override
			void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before,
					Snapshot after) {
				assertThat(after.review().state()).isEqualTo(ReviewState.REQUESTED);
				assertThat(after.review().comments()).hasSize(before.review().comments().size() + 1);
				assertThat(after.lastComment().body()).isEqualTo(comment(persona));
				assertThat(after.lastComment().authorId()).isEqualTo(test.cohortMentor.id());
			}
		},

		REQUEST_REVIEW(true) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post("/stages/" + STAGE + "/skills/" + SKILL + "/review").param("url", repository(persona))
					.param("liveUrl", "https://todo.example.com/")
					.param("note", "Now with accounts, as " + persona);
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/stages/" + STAGE + "#skill-" + SKILL;
			}

			@Override
			void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before,
					Snapshot after) {
				assertThat(after.review().state()).isEqualTo(ReviewState.REQUESTED);
				assertThat(after.review().evidence()).isEqualTo(new Evidence(repository(persona),
						"https://todo.example.com/", "Now with accounts, as " + persona));
			}

			@Override
			void verifyOwnEffect(AuthorizationMatrixIntegrationTests test, SkillReview before, SkillReview after) {
				assertThat(after.evidence().url()).isEqualTo(repository(Persona.ANOTHER_LEARNER));
			}
		},

		LEARNER_REPLY(true) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post("/stages/" + STAGE + "/skills/" + SKILL + "/comments").param("comment", comment(persona));
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/stages/" + STAGE + "#skill-" + SKILL;
			}

			@Override
			void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before,
					Snapshot after) {
				assertThat(after.review().comments()).hasSize(before.review().comments().size() + 1);
				assertThat(after.lastComment().body()).isEqualTo(comment(persona));
				assertThat(after.lastComment().authorId()).isEqualTo(test.learner.id());
			}

			@Override
			void verifyOwnEffect(AuthorizationMatrixIntegrationTests test, SkillReview before, SkillReview after) {
				assertThat(after.comments()).hasSize(before.comments().size() + 1);
				assertThat(after.comments().get(after.comments().size() - 1).body())
					.isEqualTo(comment(Persona.ANOTHER_LEARNER));
			}
		},

		// The admin's routes: only admins get in; what they change here leaves the review
		// alone.
		ADMIN_HOME(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin");
			}
		},

		ADMIN_USER_SEARCH(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin/users").param("q", test.learner.getUsername());
			}
		},

		ADMIN_USER(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin/users/" + test.learner.id());
			}
		},

		ADMIN_UNKNOWN_USER(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin/users/" + Long.MAX_VALUE);
			}
		},

		ADMIN_ROLES(true) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post("/admin/users/" + test.learner.id() + "/roles").param("roles", "LEARNER");
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/admin/users/" + test.learner.id();
			}
		},

		ADMIN_COHORTS(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin/cohorts");
			}
		},

		ADMIN_COHORT(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin/cohorts/" + test.cohort.id());
			}
		},

		ADMIN_RENAME_COHORT(true) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post("/admin/cohorts/" + test.cohort.id() + "/name").param("name", test.cohort.name());
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/admin/cohorts/" + test.cohort.id();
			}
		},

		REVIEW_DIGEST(true) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return post("/notifications/digest").param("digest", "true");
			}

			@Override
			String redirect(AuthorizationMatrixIntegrationTests test) {
				return "/notifications";
			}
		},

		ADMIN_AUDIT(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin/audit");
			}
		},

		ADMIN_WEBHOOKS(false) {
			@Override
			MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona) {
				return get("/admin/webhooks");
			}
		};

		final boolean post;

		Route(boolean post) {
			this.post = post;
		}

		/**
		 * What must be true before the request, such as a claim for a decision.
		 */
		void arrange(AuthorizationMatrixIntegrationTests test) {
		}

		abstract MockHttpServletRequestBuilder request(AuthorizationMatrixIntegrationTests test, Persona persona);

		/**
		 * Where a successful POST redirects to.
		 */
		String redirect(AuthorizationMatrixIntegrationTests test) {
			throw new UnsupportedOperationException(name() + " does not redirect");
		}

		/**
		 * What a successful request of the learner or their mentor did to the learner's
		 * review; a page only reads.
		 */
		void verifyEffect(AuthorizationMatrixIntegrationTests test, Persona persona, Snapshot before, Snapshot after) {
			assertThat(after).isEqualTo(before);
		}

		/**
		 * What another learner's successful request did to their own review.
		 */
		void verifyOwnEffect(AuthorizationMatrixIntegrationTests test, SkillReview before, SkillReview after) {
			throw new UnsupportedOperationException(name() + " is not a learner's route");
		}

		static String comment(Persona persona) {
			return "A comment from " + persona;
		}

		static String repository(Persona persona) {
			return "https://git.example.com/" + persona.name().toLowerCase() + "/todo";
		}

	}

}
