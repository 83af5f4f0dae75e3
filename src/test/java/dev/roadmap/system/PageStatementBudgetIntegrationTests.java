package dev.roadmap.system;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.PublicPageService;
import dev.roadmap.account.Role;
import dev.roadmap.progress.NoteService;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import dev.roadmap.test.StatementCounter.Statement;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every learner page reads in one read-only transaction and a fixed, small number of SQL
 * statements, session handling included, whatever the learner's data (DESIGN.md §5): a
 * newcomer's page costs what a veteran's does, with statuses on every skill, a note on
 * each, reviews with comments, notifications and a year of history. A GET that changes
 * nothing writes nothing, not even to the session store. Requests go over real HTTP with
 * the session cookie a login gave, and statements are counted at the JDBC level, so the
 * budget holds whatever runs the queries.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageStatementBudgetIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	PublicPageService publicPages;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	NoteService notes;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	private Visitor newcomer;

	private Visitor veteran;

	private Visitor anonymous;

	@BeforeAll
	void aNewcomerAndAVeteranLoggedIn() throws Exception {
		AccountPrincipal newcomer = this.learners.aLearner();
		AccountPrincipal veteran = this.learners.aLearner();
		writeEverythingFor(veteran);
		this.publicPages.setPublicPage(newcomer.id(), true, "new-" + UUID.randomUUID().toString().substring(0, 8));
		this.newcomer = new Visitor(newcomer, this.http.fresh().logIn(newcomer.getUsername(), Learners.PASSWORD));
		this.veteran = new Visitor(veteran, this.http.fresh().logIn(veteran.getUsername(), Learners.PASSWORD));
		this.anonymous = new Visitor(null, this.http.fresh());
	}

	@ParameterizedTest(name = "{0} runs at most {1} statements, whatever the learner's data")
	@CsvSource({ "/stages/databases, 3", "/stages/projects, 3", "/, 3", "/dashboard, 5", "/u/{handle}, 4" })
	void aLearnerPageReadsInOneReadOnlyTransactionAndAFixedNumberOfStatements(String path, int budget) {
		Counted<String> small = page(this.newcomer, path);
		Counted<String> big = page(this.veteran, path);

		assertWithinBudget(path + " for a newcomer", small, budget);
		assertWithinBudget(path + " for a learner with a year of history", big, budget);
		assertShowsTheirData(path, Jsoup.parse(small.result()), Jsoup.parse(big.result()));
		assertThat(big.statements()).as("statements for a year of history, against none: %s", big.all())
			.isEqualTo(small.statements());
	}

	@ParameterizedTest(name = "{0} for a visitor runs {1} statements")
	@CsvSource({ "/stages/databases, 0", "/, 0", "/u/{handle}, 2" })
	void aVisitorsPageReadsWithoutASessionAndTheRoadmapFromMemory(String path, int budget) {
		Counted<String> counted = page(this.anonymous, path);

		assertWithinBudget(path + " for a visitor", counted, budget);
		assertThat(counted.all()).noneMatch(Statement::session);
	}

	@Test
	void aSignedInPageReadsItsSessionWithoutATransactionAndALoginSavesItInOne() throws Exception {
		Counted<String> home = page(this.newcomer, "/");
		AccountPrincipal learner = this.learners.aLearner();
		Http browser = this.http.fresh();
		browser.get("/login");
		Counted<Http> login = this.statements
			.countRequest(() -> browser.logIn(learner.getUsername(), Learners.PASSWORD));

		// One statement needs no transaction; its own cost a COMMIT on every request.
		assertThat(home.all()).filteredOn(Statement::session)
			.as("the session's read: %s", home.all())
			.singleElement()
			.satisfies((read) -> assertThat(read.transaction()).isNull());
		List<Statement> saves = login.all().stream().filter(Statement::session).filter(Statement::writes).toList();
		assertThat(saves).as("the session's save at login: %s", login.all())
			.isNotEmpty()
			.allMatch((statement) -> statement.transaction() != null);
	}

	@Test
	void aStatusChangeFromHtmxWritesInOneTransactionAndReadsItsAnswerAfterTheCommit() throws Exception {
		Skill skill = this.roadmap.stage("databases").orElseThrow().skills().get(2);
		AccountPrincipal learner = this.learners.aLearner();
		Visitor newcomer = new Visitor(learner, this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD));
		// Touched before by both, so both take the same path: lock the row, change it.
		this.progress.setStatus(learner.id(), skill, SkillStatus.IN_PROGRESS);
		this.progress.setStatus(this.veteran.principal().id(), skill, SkillStatus.IN_PROGRESS);

		Counted<HttpResponse<String>> small = statusChange(newcomer, skill, SkillStatus.DONE);
		Counted<HttpResponse<String>> big = statusChange(this.veteran, skill, SkillStatus.DONE);

		for (Counted<HttpResponse<String>> counted : List.of(small, big)) {
			System.out.println("status change (htmx): " + counted.statements() + " statements " + counted.all());
			assertThat(counted.result().statusCode()).isEqualTo(200);
			assertThat(Jsoup.parse(counted.result().body()).select("li[data-skill]").attr("data-status"))
				.isEqualTo("DONE");
			List<Statement> page = counted.page();
			List<Statement> change = page.subList(0, page.size() - 1);
			assertThat(change).as("the change: %s", counted.all())
				.anyMatch(Statement::writes)
				.noneMatch(Statement::readOnly)
				.allMatch((statement) -> statement.transaction() != null)
				.extracting(Statement::transaction)
				.containsOnly(page.get(0).transaction());
			// The answer is read after the change's commit, so that the row's lock, which
			// other changes of the skill queue on, is not held for it.
			assertThat(page.get(page.size() - 1)).as("the read of the answer: %s", counted.all())
				.satisfies((read) -> assertThat(read.writes()).isFalse())
				.satisfies((read) -> assertThat(read.transaction()).isNull());
			// The session's read, the row's lock, the event, the row, the webhooks'
			// deliveries (one insert, whatever the number of endpoints), the summary, the
			// read.
			assertThat(counted.statements()).as("statements: %s", counted.all()).isLessThanOrEqualTo(7);
		}
		assertThat(big.statements()).as("a year of history against none: %s", big.all()).isEqualTo(small.statements());
	}

	private Counted<HttpResponse<String>> statusChange(Visitor visitor, Skill skill, SkillStatus status)
			throws Exception {
		String token = Jsoup.parse(get(visitor, "/stages/databases")).select("input[name=_csrf]").first().val();
		HttpRequest request = HttpRequest
			.newBuilder(visitor.http().uri("/stages/databases/skills/" + skill.slug() + "/status"))
			.header("HX-Request", "true")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("status=" + status + "&_csrf=" + token))
			.build();
		return this.statements.countRequest(() -> visitor.http().send(request));
	}

	private Counted<String> page(Visitor visitor, String path) {
		String handle = this.publicPages
			.publicPageOf(((visitor.principal() != null) ? visitor : this.veteran).principal().id())
			.handle();
		String uri = path.replace("{handle}", Objects.requireNonNullElse(handle, "none"));
		// Once before counting: the first request after a login may settle the session.
		try {
			get(visitor, uri);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.statements.countRequest(() -> get(visitor, uri));
	}

	private static String get(Visitor visitor, String uri) throws Exception {
		HttpResponse<String> response = visitor.http().get(uri);
		assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
		return response.body();
	}

	/**
	 * The pages counted are the real ones: the veteran's shows what they did.
	 */
	private static void assertShowsTheirData(String path, Document newcomer, Document veteran) {
		if (path.startsWith("/stages/")) {
			assertThat(newcomer.select("[data-skill][data-status=DONE]")).isEmpty();
			assertThat(veteran.select("[data-skill][data-status=DONE]")).isNotEmpty();
		}
		else if (path.equals("/dashboard")) {
			assertThat(veteran.select("[data-history]")).hasSize(10);
			assertThat(veteran.select("[data-open-review]")).hasSize(2);
			assertThat(veteran.select("svg.heatmap rect[data-changes]")).isNotEmpty();
		}
		else {
			assertThat(newcomer.select("progress[data-stage=overall]").attr("value")).isEqualTo("0");
			assertThat(veteran.select("progress[data-stage=overall]").attr("value")).isNotEqualTo("0");
		}
	}

	private static void assertWithinBudget(String what, Counted<String> counted, int budget) {
		System.out.println(what + ": " + counted.statements() + " statements " + counted.all());
		assertThat(counted.statements()).as("statements of %s: %s", what, counted.all()).isLessThanOrEqualTo(budget);
		assertThat(counted.all()).as("writes of %s", what).noneMatch(Statement::writes);
		List<Statement> page = counted.page();
		if (budget == 0) {
			assertThat(counted.all()).as("statements of %s", what).isEmpty();
			return;
		}
		assertThat(page).as("the page's own statements of %s", what).isNotEmpty();
		assertThat(page).as("%s reads in one read-only transaction", what)
			.allMatch(Statement::readOnly)
			.allMatch((statement) -> statement.transaction() != null)
			.extracting(Statement::transaction)
			.containsOnly(page.get(0).transaction());
	}

	/**
	 * Statuses on every skill, a note on each, every project reviewed (changes asked and
	 * answered, approved, waiting), and status changes on most days of the last year.
	 */
	private void writeEverythingFor(AccountPrincipal learner) {
		this.publicPages.setPublicPage(learner.id(), true, "vet-" + UUID.randomUUID().toString().substring(0, 8));
		SkillStatus[] statuses = { SkillStatus.DONE, SkillStatus.IN_PROGRESS, SkillStatus.SKIPPED, SkillStatus.DONE };
		int i = 0;
		for (Stage stage : this.roadmap.stages()) {
			for (Skill skill : stage.skills()) {
				this.progress.setStatus(learner.id(), skill, statuses[i++ % statuses.length]);
				this.notes.save(learner.id(), skill, "## Notes on " + skill.title() + "\n\n- *one* point");
			}
		}
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		List<Skill> projects = this.roadmap.stage("projects").orElseThrow().skills();
		Evidence evidence = new Evidence("https://git.example.com/project", null, "See the README.");
		for (Skill skill : projects) {
			this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);
			this.reviews.requestReview(learner.id(), skill, evidence);
		}
		this.decisions.claim(mentor.id(), learner.id(), projects.get(0).id());
		this.decisions.requestChanges(mentor.id(), learner.id(), projects.get(0),
				this.reviews.reviewOf(learner.id(), projects.get(0).id()).iteration(), "Add tests.");
		this.reviews.reply(learner.id(), projects.get(0), "Done, thanks.");
		this.decisions.claim(mentor.id(), learner.id(), projects.get(1).id());
		this.decisions.approve(mentor.id(), learner.id(), projects.get(1),
				this.reviews.reviewOf(learner.id(), projects.get(1).id()).iteration(), null);
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select :user, sk.id, case when d % 2 = 0 then 'NOT_STARTED' else 'IN_PROGRESS' end,
					case when d % 2 = 0 then 'IN_PROGRESS' else 'NOT_STARTED' end,
					now() - d * interval '1 day' - (sk.id % 20) * interval '1 hour'
				from skill sk cross join generate_series(1, 365) d
				where not sk.retired and (d + sk.id) % 9 = 0""").param("user", learner.id()).update();
	}

	private record Visitor(AccountPrincipal principal, Http http) {
	}

}
