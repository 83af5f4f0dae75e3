package dev.roadmap.progress.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ActivitySeries;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learner's dashboard over HTTP: empty states for a new learner; progress, next
 * steps, reviews, history and the pictures with their numbers for an active one; and who
 * may see it.
 */
@RoadmapIntegrationTest
class DashboardIntegrationTests {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

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

	@Test
	void aNewLearnerSeesEmptyStatesAndTheFirstSkillAsNextUp() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		Document page = dashboard(learner);

		assertThat(page.title()).isEqualTo("Your dashboard · Backend Roadmap");
		assertThat(page.select("h1").text()).isEqualTo("Your dashboard");
		assertThat(page.select("progress[data-stage]")).hasSize(11);
		assertThat(page.select("progress[data-stage=overall]").attr("value")).isEqualTo("0");
		assertThat(page.select("[data-stage-row]")).hasSize(10);
		assertThat(page.select("[data-stage-row] [data-completed]").eachText()).containsOnly("Not completed yet");
		assertThat(page.select("[data-last-touched]")).isEmpty();
		assertThat(page.select("[data-next-up]").attr("data-next-up")).isEqualTo("what-is-backend/frontend-vs-backend");
		assertThat(page.select("[data-next-up] a").attr("href"))
			.isEqualTo("/stages/what-is-backend#skill-frontend-vs-backend");
		assertThat(page.select("[data-verified]").text()).isEqualTo("0");
		assertThat(page.select("[data-streak-current]").attr("data-streak-current")).isEqualTo("0");
		assertThat(page.select("[data-open-review]")).isEmpty();
		assertThat(page.select("svg")).isEmpty();
		assertThat(page.select("[data-history]")).isEmpty();
		assertThat(page.select(".empty-state").eachText()).hasSize(5)
			.anyMatch((text) -> text.startsWith("You have not changed the status of a skill yet"))
			.anyMatch((text) -> text.startsWith("No review is open"))
			.anyMatch((text) -> text.startsWith("Your activity will show here"))
			.anyMatch((text) -> text.startsWith("A line of your skills done"))
			.anyMatch((text) -> text.startsWith("Nothing yet"));
	}

	@Test
	void anActiveLearnerSeesTheirCalendarStreaksAndNumbers() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Stage first = this.roadmap.stage("what-is-backend").orElseThrow();
		// Stage 1 done over three days in a row ending yesterday, and a skill of stage 2
		// started 40 days ago.
		Skill started = this.roadmap.stage("languages").orElseThrow().skills().get(2);
		event(learner, started, SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS, noon(today.minusDays(40)));
		for (int i = 0; i < first.skills().size(); i++) {
			Instant at = noon(today.minusDays(3 - i));
			event(learner, first.skills().get(i), SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS, at);
			event(learner, first.skills().get(i), SkillStatus.IN_PROGRESS, SkillStatus.DONE, at.plusSeconds(60));
		}

		Document page = dashboard(learner);

		// The calendar: one square per day of the last 53 weeks, with that day's changes.
		List<LocalDate> calendar = ActivitySeries.calendar(List.of(), today).stream().map((day) -> day.date()).toList();
		assertThat(page.select("title")).hasSize(1 + calendar.size());
		assertThat(page.select("head title").text()).isEqualTo("Your dashboard · Backend Roadmap");
		Element svg = page.selectFirst("svg.heatmap");
		assertThat(svg.attr("role")).isEqualTo("img");
		assertThat(page.getElementById(svg.attr("aria-labelledby")).text())
			.isEqualTo("7 status changes on 4 days in the last 53 weeks.");
		assertThat(svg.select("rect")).hasSize(calendar.size());
		assertThat(svg.select("rect").eachAttr("data-date"))
			.containsExactlyElementsOf(calendar.stream().map(LocalDate::toString).toList());
		assertThat(svg.select("rect[data-date=" + today.minusDays(3) + "]").attr("data-changes")).isEqualTo("2");
		assertThat(svg.select("rect[data-date=" + today.minusDays(3) + "]").hasClass("day-2")).isTrue();
		assertThat(svg.select("rect[data-date=" + today.minusDays(40) + "]").attr("data-changes")).isEqualTo("1");
		assertThat(svg.select("rect.day-0")).hasSize(calendar.size() - 4);
		assertThat(svg.select("rect title").first().text()).startsWith("No status changes on ");
		assertThat(svg.select("rect[data-date=" + today.minusDays(3) + "] title").text())
			.isEqualTo("2 status changes on "
					+ DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH).format(today.minusDays(3)));
		assertThat(svg.select("rect[data-date=" + today.minusDays(40) + "] title").text())
			.startsWith("1 status change on ");
		assertThat(svg.select("[style]")).isEmpty();
		// ... and its numbers per month, for screen readers.
		Element months = page.selectFirst("table[data-months]");
		assertThat(months.select("tbody tr").size()).isBetween(13, 14);
		assertThat(months.select("tbody tr").stream().mapToInt((row) -> Integer.parseInt(row.child(2).text())).sum())
			.isEqualTo(7);
		assertThat(months.select("tbody tr").stream().mapToInt((row) -> Integer.parseInt(row.child(1).text())).sum())
			.isEqualTo(4);

		assertThat(page.select("[data-streak-current]").attr("data-streak-current")).isEqualTo("3");
		assertThat(page.select("[data-streak-current]").text()).isEqualTo("3 days");
		assertThat(page.select("[data-streak-longest]").attr("data-streak-longest")).isEqualTo("3");

		// The line of skills done, and its table.
		Element line = page.selectFirst("svg.line-chart");
		assertThat(page.getElementById(line.attr("aria-labelledby")).text())
			.isEqualTo("3 skills are done now; the first was done on " + DATE.format(today.minusDays(3)) + ".");
		assertThat(line.select("polyline").attr("points")).isNotBlank();
		assertThat(line.select("text").eachText()).contains("Skills done", "0", "3");
		assertThat(page.select("table[data-done-over-time] tbody tr td").eachText()).containsExactly("1", "2", "3");

		// Stage 1 was completed yesterday; the others not yet.
		assertThat(page.select("[data-stage-row=what-is-backend] [data-completed]").attr("data-completed"))
			.isEqualTo(today.minusDays(1).toString());
		assertThat(page.select("[data-stage-row=languages] [data-completed]").text()).isEqualTo("Not completed yet");
		assertThat(page.select("progress[data-stage=what-is-backend]").attr("value")).isEqualTo("100");

		assertThat(page.select("[data-last-touched]").attr("data-last-touched")).isEqualTo(first.skills().get(2).key());
		assertThat(page.select("[data-last-touched] a").attr("href"))
			.isEqualTo("/stages/what-is-backend#skill-" + first.skills().get(2).slug());
		assertThat(page.select("[data-next-up]").attr("data-next-up")).isEqualTo("languages/javascript-node");
		assertThat(page.select("[data-history]")).hasSize(7);
		assertThat(page.select("[data-history]").first().text()).contains(first.skills().get(2).title(),
				"In progress \u2192 Done");
	}

	@Test
	void recentActivityListsTheLatestTenEntries() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.roadmap.stage("apis").orElseThrow().skills().get(0);
		SkillStatus from = SkillStatus.NOT_STARTED;
		for (int i = 0; i < 12; i++) {
			SkillStatus to = (from == SkillStatus.IN_PROGRESS) ? SkillStatus.NOT_STARTED : SkillStatus.IN_PROGRESS;
			this.progress.setStatus(learner.id(), skill, to);
			from = to;
		}

		Document page = dashboard(learner);

		assertThat(page.select("[data-history]")).hasSize(DashboardController.RECENT);
		assertThat(page.select("[data-history] time").first().attr("datetime")).isNotBlank();
	}

	@Test
	void openReviewsVerifiedSkillsAndEverythingDone() throws Exception {
		AccountPrincipal learner = this.learners.learner().withEverythingDone().create();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Skill todo = this.roadmap.skill("projects", "todo-app").orElseThrow();
		Skill blog = this.roadmap.stage("projects").orElseThrow().skills().get(1);
		Skill git = this.roadmap.stage("version-control").orElseThrow().skills().get(0);
		Evidence evidence = new Evidence("https://git.example.com/work", null, "Done.");
		this.reviews.requestReview(learner.id(), todo, evidence);
		this.reviews.requestReview(learner.id(), blog, evidence);
		this.decisions.claim(mentor.id(), learner.id(), blog.id());
		this.decisions.requestChanges(mentor.id(), learner.id(), blog,
				this.reviews.reviewOf(learner.id(), blog.id()).iteration(), "Add tests, please.");
		this.reviews.requestReview(learner.id(), git, evidence);
		this.decisions.claim(mentor.id(), learner.id(), git.id());
		this.decisions.approve(mentor.id(), learner.id(), git,
				this.reviews.reviewOf(learner.id(), git.id()).iteration(), null);

		Document page = dashboard(learner);

		assertThat(page.select("[data-open-review]").eachAttr("data-open-review")).containsExactly(todo.key(),
				blog.key());
		assertThat(page.select("[data-open-review]").eachAttr("data-review-state")).containsExactly("REQUESTED",
				"CHANGES_REQUESTED");
		assertThat(page.select("[data-open-review=" + todo.key() + "] a").attr("href"))
			.isEqualTo("/stages/projects#skill-todo-app");
		assertThat(page.select("[data-verified]").text()).isEqualTo("1");
		assertThat(page.select("[data-next-up]").attr("data-next-up")).isEmpty();
		assertThat(page.select("[data-next-up]").text()).startsWith("You have done every skill on the roadmap.");
		assertThat(page.select("progress[data-stage=overall]").attr("value")).isEqualTo("100");
		assertThat(page.select("[data-stage-row] [data-completed]").eachAttr("data-completed"))
			.containsOnly(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(page.select("[data-history]").first().text()).contains(git.title(), "approved by Test User");
	}

	@Test
	void learnersFindTheDashboardInTheNavigation() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));

		Document learnerHome = Html.of(this.mvc.perform(get("/").with(user(learner))).andReturn());
		Document mentorHome = Html.of(this.mvc.perform(get("/").with(user(mentor))).andReturn());
		Document visitorHome = Html.of(this.mvc.perform(get("/")).andReturn());

		assertThat(learnerHome.select("nav a[href=/dashboard]").text()).isEqualTo("Dashboard");
		assertThat(mentorHome.select("nav a[href=/dashboard]")).isEmpty();
		assertThat(visitorHome.select("nav a[href=/dashboard]")).isEmpty();
	}

	@Test
	void onlyLearnersMayOpenTheDashboard() throws Exception {
		this.mvc.perform(get("/dashboard")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		for (Role role : List.of(Role.MENTOR, Role.ADMIN)) {
			this.mvc.perform(get("/dashboard").with(user(this.learners.withRoles(EnumSet.of(role)))))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/dashboard").with(user(this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR)))))
			.andExpect(status().isOk());
	}

	private Document dashboard(AccountPrincipal learner) throws Exception {
		return Html.of(this.mvc.perform(get("/dashboard").with(user(learner))).andExpect(status().isOk()).andReturn());
	}

	private static Instant noon(LocalDate date) {
		return date.atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	private void event(AccountPrincipal learner, Skill skill, SkillStatus from, SkillStatus to, Instant at) {
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				values (:user, :skill, :from, :to, :at)""")
			.param("user", learner.id())
			.param("skill", skill.id())
			.param("from", from.name())
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.update();
		this.jdbc
			.sql("""
					insert into skill_status (user_id, skill_id, status, updated_at) values (:user, :skill, :to, :at)
					on conflict (user_id, skill_id) do update set status = excluded.status, updated_at = excluded.updated_at""")
			.param("user", learner.id())
			.param("skill", skill.id())
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.update();
		ProgressSummaries.refresh(this.jdbc, learner.id());
	}

}
