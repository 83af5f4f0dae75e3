package dev.roadmap.progress.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.Evidence;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.ReviewService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard reads a fixed number of SQL statements: as many for a learner who has
 * done nothing as for one with a year of history, reviews and comments. Statements are
 * counted with datasource-proxy around the application's DataSource, so this class has an
 * application context of its own.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
class DashboardStatementCountIntegrationTests {

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
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Test
	void theDashboardRunsAsManyStatementsForAYearOfHistoryAsForNone() {
		AccountPrincipal newcomer = this.learners.aLearner();
		AccountPrincipal veteran = this.learners.aLearner();
		writeAYearOfHistory(veteran);
		dashboard(newcomer);

		Counted<Document> none = this.statements.count(() -> dashboard(newcomer));
		Counted<Document> year = this.statements.count(() -> dashboard(veteran));

		System.out.println(
				"dashboard statements: new learner=" + none.statements() + ", a year of history=" + year.statements());
		assertThat(none.result().select("svg")).isEmpty();
		assertThat(year.result()
			.select("svg.heatmap rect[data-changes]")
			.stream()
			.mapToInt((cell) -> Integer.parseInt(cell.attr("data-changes")))
			.sum()).isGreaterThan(500);
		assertThat(year.result().select("[data-open-review]")).hasSize(2);
		assertThat(year.result().select("[data-history]")).hasSize(DashboardController.RECENT);
		// 14 for the page, plus one for the learner's time zone, read since accounts have
		// one.
		assertThat(none.statements()).isPositive().isLessThanOrEqualTo(15);
		assertThat(year.statements()).as("statements for a year of history, against none: %s", year.sql())
			.isEqualTo(none.statements());
	}

	/**
	 * Status changes on most days of the last year on every skill, written in one
	 * statement, then reviews through the service: two open, one approved, with comments.
	 */
	private void writeAYearOfHistory(AccountPrincipal learner) {
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				select :user, sk.id, case when d % 2 = 0 then 'NOT_STARTED' else 'IN_PROGRESS' end,
					case when d % 2 = 0 then 'IN_PROGRESS' else 'NOT_STARTED' end,
					now() - d * interval '1 day' - (sk.id % 20) * interval '1 hour'
				from skill sk cross join generate_series(1, 365) d
				where not sk.retired and (d + sk.id) % 9 = 0""").param("user", learner.id()).update();
		ProgressSummaries.refresh(this.jdbc, learner.id());
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		List<Skill> projects = this.roadmap.stage("projects").orElseThrow().skills();
		Evidence evidence = new Evidence("https://git.example.com/project", null, "See the README.");
		for (Skill skill : projects) {
			this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);
			this.reviews.requestReview(learner.id(), skill, evidence);
		}
		this.reviews.requestChanges(learner.id(), projects.get(0), mentor.id(), "Add tests.");
		this.reviews.comment(learner.id(), projects.get(0), learner.id(), "Done, thanks.");
		this.reviews.approve(learner.id(), projects.get(1), mentor.id());
	}

	private Document dashboard(AccountPrincipal learner) {
		try {
			return Html
				.of(this.mvc.perform(get("/dashboard").with(user(learner))).andExpect(status().isOk()).andReturn());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
