package dev.roadmap.mentoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import dev.roadmap.test.StatementCounter.Statement;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mentor's pages read in one read-only transaction and at most five SQL statements,
 * session handling included, as many for a cohort of 30 learners as for one of 3: the
 * table of learners in every sort order, the review queue's pages, and one learner's
 * roadmap. Requests go over real HTTP with a logged-in mentor's session cookie;
 * statements are counted at the JDBC level.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentorPageStatementBudgetIntegrationTests {

	private static final int BUDGET = 5;

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	CohortService cohorts;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	StatementCounter statements;

	private Mentor small;

	private Mentor big;

	@BeforeAll
	void mentorsOfACohortOf3AndOneOf30() throws Exception {
		this.small = mentorOfCohortWith(3);
		this.big = mentorOfCohortWith(30);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/mentor", "/mentor?sort=PROGRESS&dir=desc", "/mentor?sort=ACTIVITY&dir=asc",
			"/mentor?sort=NAME&dir=desc&page=1", "/mentor?queuePage=1", "/mentor?cohort={cohort}",
			"/mentor/learners/{learner}" })
	void aMentorPageReadsInOneReadOnlyTransactionAndAtMostFiveStatements(String path) {
		Counted<Document> few = page(this.small, path);
		Counted<Document> many = page(this.big, path);

		assertWithinBudget(path + " for 3 learners", few);
		assertWithinBudget(path + " for 30 learners", many);
		assertThat(many.statements()).as("statements for 30 learners, against 3: %s", many.all())
			.isEqualTo(few.statements());
		if (path.equals("/mentor")) {
			assertThat(few.result().select("tr[data-learner]")).hasSize(3);
			assertThat(many.result().select("tr[data-learner]")).hasSize(25);
			assertThat(many.result().select("tr[data-review]")).hasSize(10);
		}
	}

	private Counted<Document> page(Mentor mentor, String path) {
		String uri = path.replace("{cohort}", Long.toString(mentor.cohortId()))
			.replace("{learner}", Long.toString(mentor.learnerIds().get(0)));
		try {
			assertThat(mentor.http().get(uri).statusCode()).as("GET %s", uri).isEqualTo(200);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.statements.countRequest(() -> Jsoup.parse(mentor.http().get(uri).body()));
	}

	private static void assertWithinBudget(String what, Counted<Document> counted) {
		System.out.println(what + ": " + counted.statements() + " statements " + counted.all());
		assertThat(counted.statements()).as("statements of %s: %s", what, counted.all()).isLessThanOrEqualTo(BUDGET);
		assertThat(counted.all()).as("writes of %s", what).noneMatch(Statement::writes);
		List<Statement> page = counted.page();
		assertThat(page).as("%s reads in one read-only transaction", what)
			.isNotEmpty()
			.allMatch(Statement::readOnly)
			.allMatch((statement) -> statement.transaction() != null)
			.extracting(Statement::transaction)
			.containsOnly(page.get(0).transaction());
	}

	/**
	 * A logged-in mentor of a new cohort of {@code size} learners, each with a few
	 * statuses and a project waiting for review, written through the services as a
	 * learner's clicks would.
	 */
	private Mentor mentorOfCohortWith(int size) throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = this.cohorts.create("Cohort of " + size + " " + UUID.randomUUID().toString().substring(0, 8));
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		List<Skill> skills = this.roadmap.stages().stream().flatMap((stage) -> stage.skills().stream()).toList();
		Skill project = this.roadmap.stage("projects").orElseThrow().skills().get(0);
		Evidence evidence = new Evidence("https://git.example.com/project", null, "See the README.");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			AccountPrincipal learner = this.learners.aLearner();
			this.cohorts.enrol(cohort.id(), learner.id());
			for (int s = 0; s < 6; s++) {
				this.progress.setStatus(learner.id(), skills.get((i + s * 7) % skills.size()),
						(s % 3 == 0) ? SkillStatus.DONE : SkillStatus.IN_PROGRESS);
			}
			this.progress.setStatus(learner.id(), project, SkillStatus.DONE);
			this.reviews.requestReview(learner.id(), project, evidence);
			ids.add(learner.id());
		}
		return new Mentor(this.http.fresh().logIn(mentor.getUsername(), Learners.PASSWORD), cohort.id(), ids);
	}

	private record Mentor(Http http, long cohortId, List<Long> learnerIds) {
	}

}
