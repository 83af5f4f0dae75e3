package dev.roadmap.mentoring;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.NoteService;
import dev.roadmap.progress.Progress;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewComment;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewException;
import dev.roadmap.progress.review.ReviewQueue;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.PageOf;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RoadmapIntegrationTest
class MentoringIntegrationTests {

	@Autowired
	CohortService cohorts;

	@Autowired
	ReviewQueue queue;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	MentorDashboard dashboard;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteService notes;

	@Autowired
	MockMvc mvc;

	@Test
	void cohortNamesAreRequiredUniqueAndTrimmed() {
		String name = uniqueName();
		Cohort cohort = this.cohorts.create("  " + name + "  ");

		assertThat(cohort.name()).isEqualTo(name);
		assertThatExceptionOfType(CohortException.class).isThrownBy(() -> this.cohorts.create(name))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("cohort.nameTaken"));
		assertThatExceptionOfType(CohortException.class).isThrownBy(() -> this.cohorts.create("  "))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("cohort.nameRequired"));
		assertThatExceptionOfType(CohortException.class)
			.isThrownBy(() -> this.cohorts.rename(cohort.id(), "x".repeat(101)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("cohort.nameTooLong"));
	}

	@Test
	void onlyLearnersAreEnrolledAndOnlyMentorsMentor() {
		Cohort cohort = this.cohorts.create(uniqueName());
		long admin = this.learners.withRoles(EnumSet.of(Role.ADMIN)).id();
		long learner = this.learners.aLearner().id();

		assertThatExceptionOfType(CohortException.class).isThrownBy(() -> this.cohorts.enrol(cohort.id(), admin));
		assertThatExceptionOfType(CohortException.class)
			.isThrownBy(() -> this.cohorts.assignMentor(cohort.id(), learner));
		this.cohorts.enrol(cohort.id(), learner);
		this.cohorts.enrol(cohort.id(), learner);

		assertThat(this.cohorts.learnersOf(cohort.id())).extracting(CohortMember::userId).containsExactly(learner);
	}

	@Test
	void mentorsSeeOnlyLearnersOfTheActiveCohortsTheyMentor() {
		Setup a = setup();
		Setup b = setup();

		assertThat(this.cohorts.isMentorOf(a.mentor().id(), a.learner().id())).isTrue();
		assertThat(this.cohorts.isMentorOf(a.mentor().id(), b.learner().id())).isFalse();

		this.cohorts.setArchived(a.cohort().id(), true);
		assertThat(this.cohorts.isMentorOf(a.mentor().id(), a.learner().id())).isFalse();
		assertThat(this.cohorts.cohortsMentoredBy(a.mentor().id())).isEmpty();
		assertThat(this.cohorts.mentorIdsOf(a.learner().id())).isEmpty();
	}

	@Test
	void thePageShowsACellPerStageWithItsPercentageAndHeat() throws Exception {
		Setup setup = setup();
		AccountPrincipal ahead = this.learners.learner().withStageDone("databases").create();
		this.cohorts.enrol(setup.cohort().id(), ahead.id());

		Document page = Html.of(this.mvc.perform(get("/mentor").with(user(setup.mentor()))).andReturn());

		String row = "tr[data-learner=" + ahead.id() + "] ";
		assertThat(page.select(row + "td.heat").eachAttr("data-stage"))
			.containsExactlyElementsOf(this.roadmap.stages().stream().map((stage) -> stage.slug()).toList());
		assertThat(page.select(row + "td.heat[data-stage=databases]").text()).isEqualTo("100%");
		assertThat(page.select(row + "td.heat[data-stage=databases] a").attr("href"))
			.isEqualTo("/mentor/learners/" + ahead.id() + "#stage-databases");
		assertThat(page.select(row + "td.heat[data-stage=databases]").hasClass("heat-4")).isTrue();
		assertThat(page.select(row + "td.heat[data-stage=apis]").text()).isEqualTo("0%");
		assertThat(page.select(row + "td.heat[data-stage=apis]").hasClass("heat-0")).isTrue();
		assertThat(page.select("tr[data-learner=" + setup.learner().id() + "] td.heat[data-stage=projects]").text())
			.isEqualTo(
					new Progress(1, 0, this.roadmap.stage("projects").orElseThrow().skills().size()).percent() + "%");
	}

	@Test
	void theCohortFilterListsTheMentorsCohortsEscapedWithTheShownOneSelected() throws Exception {
		Setup setup = setup();
		Cohort tagged = this.cohorts.create("<b>Tuesday</b> & " + uniqueName());
		this.cohorts.assignMentor(tagged.id(), setup.mentor().id());

		Document all = Html.of(this.mvc.perform(get("/mentor").with(user(setup.mentor()))).andReturn());
		Document one = Html
			.of(this.mvc.perform(get("/mentor").param("cohort", String.valueOf(tagged.id())).with(user(setup.mentor())))
				.andReturn());

		assertThat(all.select("select#cohort option").eachAttr("value")).containsExactlyInAnyOrder("0",
				String.valueOf(setup.cohort().id()), String.valueOf(tagged.id()));
		assertThat(all.select("select#cohort option[selected]").eachAttr("value")).containsExactly("0");
		assertThat(one.select("select#cohort option[selected]").eachAttr("value"))
			.containsExactly(String.valueOf(tagged.id()));
		assertThat(one.select("select#cohort option[value=" + tagged.id() + "]").text()).isEqualTo(tagged.name());
		assertThat(one.select("select#cohort b")).isEmpty();
	}

	@Test
	void theCohortFilterFiltersTheReviewQueueAndEachRequestNamesItsCohorts() throws Exception {
		Setup setup = setup();
		Cohort other = this.cohorts.create(uniqueName());
		this.cohorts.assignMentor(other.id(), setup.mentor().id());
		AccountPrincipal elsewhere = this.learners.learner().withReviewRequested(setup.project()).create();
		this.cohorts.enrol(other.id(), elsewhere.id());

		Document all = Html.of(this.mvc.perform(get("/mentor").with(user(setup.mentor()))).andReturn());
		Document one = Html
			.of(this.mvc.perform(get("/mentor").param("cohort", String.valueOf(other.id())).with(user(setup.mentor())))
				.andReturn());

		assertThat(all.select("tr[data-review]")).hasSize(2);
		assertThat(all.select("#queue-heading").text()).contains("2 waiting");
		assertThat(one.select("tr[data-review]").eachAttr("data-review"))
			.containsExactly(elsewhere.id() + "/" + setup.project().id());
		assertThat(one.select("#queue-heading").text()).contains("1 waiting");
		assertThat(one.select("tr[data-review] td[data-cohorts]").text()).isEqualTo(other.name());

		this.cohorts.enrol(other.id(), setup.learner().id());
		Document both = Html.of(this.mvc.perform(get("/mentor").with(user(setup.mentor()))).andReturn());
		String names = Stream.of(setup.cohort().name(), other.name()).sorted().collect(Collectors.joining(", "));
		assertThat(both
			.select("tr[data-review='" + setup.learner().id() + "/" + setup.project().id() + "'] td[data-cohorts]")
			.text()).isEqualTo(names);
	}

	@Test
	void theDashboardShowsProgressPerStageSortsAndPages() {
		Setup setup = setup();
		AccountPrincipal second = this.learners.learner().withStageDone("databases").create();
		this.cohorts.enrol(setup.cohort().id(), second.id());

		PageOf<MentorDashboard.Row> byProgress = this.dashboard.learners(setup.mentor().id(), 0,
				MentorDashboard.Sort.PROGRESS, true, false, 1, 25);

		assertThat(byProgress.total()).isEqualTo(2);
		assertThat(byProgress.items()).extracting(MentorDashboard.Row::id)
			.containsExactly(second.id(), setup.learner().id());
		MentorDashboard.Row ahead = byProgress.items().get(0);
		assertThat(ahead.stage("databases").percent()).isEqualTo(100);
		assertThat(ahead.heat("databases")).isEqualTo(4);
		assertThat(ahead.stage("apis").percent()).isZero();
		assertThat(ahead.overall().done()).isEqualTo(6);
		assertThat(ahead.stuck()).isFalse();

		PageOf<MentorDashboard.Row> firstPage = this.dashboard.learners(setup.mentor().id(), setup.cohort().id(),
				MentorDashboard.Sort.NAME, false, false, 1, 1);
		assertThat(firstPage.items()).hasSize(1);
		assertThat(firstPage.pages()).isEqualTo(2);
		assertThat(firstPage.hasNext()).isTrue();
	}

	@Test
	void learnersWithoutActivityForTwoWeeksAreFlaggedStuck() {
		Setup setup = setup();
		this.jdbc.sql("update cohort_learner set enrolled_at = now() - interval '20 days' where user_id = :id")
			.param("id", setup.learner().id())
			.update();
		for (String table : List.of("status_event", "review_event")) {
			this.jdbc.sql("update " + table + " set occurred_at = now() - interval '15 days' where user_id = :id")
				.param("id", setup.learner().id())
				.update();
		}
		ProgressSummaries.refresh(this.jdbc, setup.learner().id());

		MentorDashboard.Row row = this.dashboard
			.learners(setup.mentor().id(), 0, MentorDashboard.Sort.ACTIVITY, false, false, 1, 25)
			.items()
			.get(0);

		assertThat(row.stuck()).isTrue();
	}

	@Test
	void aMentorWhoIsAlsoALearnerOfTheCohortNeverReviewsTheirOwnWork() throws Exception {
		Setup setup = setup();
		AccountPrincipal both = this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR));
		this.cohorts.assignMentor(setup.cohort().id(), both.id());
		this.cohorts.enrol(setup.cohort().id(), both.id());
		Skill project = setup.project();
		this.progress.setStatus(both.id(), project, SkillStatus.DONE);
		this.reviews.requestReview(both.id(), project, new Evidence("https://github.com/me/todo", null, null));

		assertThat(this.cohorts.isMentorOf(both.id(), both.id())).isFalse();
		assertThat(this.queue.waiting(both.id(), ReviewQueue.Filter.ALL, 1, 10).items())
			.extracting(ReviewQueue.Item::learnerId)
			.containsExactly(setup.learner().id());
		assertThat(this.dashboard.learners(both.id(), 0, MentorDashboard.Sort.NAME, false, false, 1, 25).items())
			.extracting(MentorDashboard.Row::id)
			.containsExactly(setup.learner().id());
		this.mvc.perform(get("/mentor/reviews/{l}/{s}", both.id(), project.id()).with(user(both)))
			.andExpect(status().isNotFound());
		assertThat(this.queue.waiting(setup.mentor().id(), ReviewQueue.Filter.ALL, 1, 10).items()).hasSize(2);
	}

	@Test
	void twoMentorsOfACohortNeverHoldTheSameRequest() {
		Setup setup = setup();
		long other = this.learners.withRoles(EnumSet.of(Role.MENTOR)).id();
		this.cohorts.assignMentor(setup.cohort().id(), other);
		long learner = setup.learner().id();
		long skill = setup.project().id();

		assertThat(this.decisions.claim(setup.mentor().id(), learner, skill).mentorId()).isEqualTo(setup.mentor().id());
		assertThat(this.decisions.claim(other, learner, skill).mentorId()).isEqualTo(setup.mentor().id());
		assertThat(this.decisions.keepClaim(other, learner, skill)).isFalse();

		this.jdbc.sql("update review_claim set touched_at = now() - interval '31 minutes' where user_id = :id")
			.param("id", learner)
			.update();
		assertThat(this.decisions.claimOf(learner, skill)).isEmpty();
		assertThat(this.decisions.claim(other, learner, skill).mentorId()).isEqualTo(other);
		assertThat(this.decisions.keepClaim(setup.mentor().id(), learner, skill)).isFalse();
	}

	@Test
	void theQueueListsWaitingRequestsOldestFirstAndHighlightsOldOnes() {
		Setup setup = setup();
		Skill second = this.roadmap.stage("projects").orElseThrow().skills().get(1);
		this.progress.setStatus(setup.learner().id(), second, SkillStatus.DONE);
		this.reviews.requestReview(setup.learner().id(), second, new Evidence("https://github.com/x/blog", null, null));
		this.jdbc
			.sql("update skill_status set review_requested_at = now() - interval '8 days' "
					+ "where user_id = :id and skill_id = :skill")
			.param("id", setup.learner().id())
			.param("skill", second.id())
			.update();

		PageOf<ReviewQueue.Item> page = this.queue.waiting(setup.mentor().id(), ReviewQueue.Filter.ALL, 1, 10);

		assertThat(page.items()).extracting(ReviewQueue.Item::skillId)
			.containsExactly(second.id(), setup.project().id());
		assertThat(page.items()).extracting(ReviewQueue.Item::overdue).containsExactly(true, false);
	}

	@Test
	void aMentorClaimsThenApprovesThroughThePages() throws Exception {
		Setup setup = setup();
		String path = "/mentor/reviews/" + setup.learner().id() + "/" + setup.project().id();

		this.mvc.perform(post(path + "/approve").with(user(setup.mentor())).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(path));
		assertThat(this.reviews.reviewOf(setup.learner().id(), setup.project().id()).state())
			.as("no decision without a claim")
			.isEqualTo(ReviewState.REQUESTED);

		this.mvc.perform(post(path + "/claim").with(user(setup.mentor())).with(csrf()))
			.andExpect(status().isSeeOther());
		this.mvc.perform(post(path + "/approve").param("iteration", "1").with(user(setup.mentor())).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/mentor"));

		assertThat(this.reviews.reviewOf(setup.learner().id(), setup.project().id()).verified()).isTrue();
		assertThat(this.decisions.claimOf(setup.learner().id(), setup.project().id())).isEmpty();
		Document home = Html.of(this.mvc.perform(get("/").with(user(setup.learner()))).andReturn());
		assertThat(home.select(".badge-verified").text()).isEqualTo("\u2713 1 skill verified by a mentor");
		Document stage = Html.of(this.mvc.perform(get("/stages/projects").with(user(setup.learner()))).andReturn());
		assertThat(stage.select("[data-skill=" + setup.project().key() + "] .badge-verified").text())
			.isEqualTo("\u2713 Verified by a mentor");
	}

	@Test
	void theLearnerPageShowsEachReviewInlineButNotTheLearnersNotes() throws Exception {
		Setup setup = setup();
		this.notes.save(setup.learner().id(), setup.project(), "My private doubts about the schema");
		this.decisions.claim(setup.mentor().id(), setup.learner().id(), setup.project().id());
		this.decisions.requestChanges(setup.mentor().id(), setup.learner().id(), setup.project(), 1,
				"Add an index on the owner.");
		this.reviews.reply(setup.learner().id(), setup.project(), "Done, see the migration.");
		this.reviews.requestReview(setup.learner().id(), setup.project(),
				new Evidence("https://github.com/x/todo", null, "With the index"));

		Document page = Html
			.of(this.mvc.perform(get("/mentor/learners/" + setup.learner().id()).with(user(setup.mentor())))
				.andExpect(status().isOk())
				.andReturn());

		Elements inline = page.select("[data-inline-review=" + setup.project().key() + "]");
		assertThat(inline).hasSize(1);
		assertThat(inline.attr("open")).as("open while it waits").isNotNull();
		assertThat(inline.select("[data-iteration]")).extracting((item) -> item.attr("data-iteration"))
			.containsExactly("1", "2");
		assertThat(inline.select("[data-iteration=1] .comments").text()).contains("Add an index on the owner.",
				"Done, see the migration.");
		assertThat(inline.select("summary").first().text())
			.isEqualTo("Evidence and conversation (2 iterations, 2 messages)");
		assertThat(page.text()).doesNotContain("My private doubts");
	}

	@Test
	void theQueueNarrowsToAStageASkillOrTheMentorsOwnAndSortsByLearner() throws Exception {
		Setup setup = setup();
		Skill api = this.roadmap.stage("apis").orElseThrow().skills().get(0);
		AccountPrincipal aaron = this.learners.learner()
			.named("Aaron " + UUID.randomUUID())
			.with(setup.project(), SkillStatus.DONE)
			.with(api, SkillStatus.DONE)
			.create();
		this.cohorts.enrol(setup.cohort().id(), aaron.id());
		this.reviews.requestReview(aaron.id(), api, new Evidence("https://github.com/a/api", null, "An API"));
		this.reviews.requestReview(aaron.id(), setup.project(),
				new Evidence("https://github.com/a/todo", null, "To-do"));
		long mentor = setup.mentor().id();
		long cohort = setup.cohort().id();
		String projectOfTheSetup = setup.learner().id() + "/" + setup.project().id();
		String apiOfAaron = aaron.id() + "/" + api.id();
		String projectOfAaron = aaron.id() + "/" + setup.project().id();

		assertThat(keys(filter(mentor, cohort, null, 0, false, ReviewQueue.Order.WAITING)))
			.containsExactly(projectOfTheSetup, apiOfAaron, projectOfAaron);
		assertThat(keys(filter(mentor, cohort, "apis", 0, false, ReviewQueue.Order.WAITING)))
			.containsExactly(apiOfAaron);
		assertThat(keys(filter(mentor, cohort, null, setup.project().id(), false, ReviewQueue.Order.WAITING)))
			.containsExactly(projectOfTheSetup, projectOfAaron);
		assertThat(keys(filter(mentor, cohort, "apis", setup.project().id(), false, ReviewQueue.Order.WAITING)))
			.as("a skill of another stage")
			.isEmpty();
		assertThat(keys(filter(mentor, cohort, null, 0, false, ReviewQueue.Order.LEARNER))).containsExactly(apiOfAaron,
				projectOfAaron, projectOfTheSetup);
		assertThat(keys(filter(mentor, cohort, null, 0, true, ReviewQueue.Order.WAITING))).isEmpty();
		this.decisions.comment(mentor, aaron.id(), api, "Which framework?");
		this.decisions.claim(mentor, setup.learner().id(), setup.project().id());
		assertThat(keys(filter(mentor, cohort, null, 0, true, ReviewQueue.Order.WAITING))).as("claimed or discussed")
			.containsExactly(projectOfTheSetup, apiOfAaron);
		assertThat(filter(mentor, cohort, "apis", 0, false, ReviewQueue.Order.WAITING).total()).isEqualTo(1);
		assertThat(filter(mentor, cohort, null, 0, true, ReviewQueue.Order.WAITING).total()).isEqualTo(2);

		Document page = Html.of(
				this.mvc
					.perform(get("/mentor").param("cohort", String.valueOf(cohort))
						.param("queueStage", "apis")
						.with(user(setup.mentor())))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(page.select("tr[data-review]")).extracting((row) -> row.attr("data-review"))
			.containsExactly(apiOfAaron);
		assertThat(page.select("#queue-heading").text()).isEqualTo("Review queue (1 waiting match)");
		assertThat(page.select("#queueStage option[selected]").val()).isEqualTo("apis");
		assertThat(page.select("form:has(#cohort) input[type=hidden][name=queueStage]").val()).isEqualTo("apis");
		Document none = Html.of(
				this.mvc
					.perform(get("/mentor").param("cohort", String.valueOf(cohort))
						.param("queueSkill",
								String.valueOf(this.roadmap.stage("servers").orElseThrow().skills().get(0).id()))
						.with(user(setup.mentor())))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(none.select("tr[data-review]")).isEmpty();
		assertThat(none.text()).contains("No waiting request matches these filters.");
	}

	private PageOf<ReviewQueue.Item> filter(long mentor, long cohort, String stage, long skill, boolean mine,
			ReviewQueue.Order order) {
		return this.queue.waiting(mentor, new ReviewQueue.Filter(cohort, stage, skill, mine, order), 1, 10);
	}

	private static List<String> keys(PageOf<ReviewQueue.Item> page) {
		return page.items().stream().map((item) -> item.learnerId() + "/" + item.skillId()).toList();
	}

	@Test
	void aMentorSeesWhatANewIterationChangedAndCannotDecideOnTheOneBefore() throws Exception {
		Setup setup = setup();
		String path = "/mentor/reviews/" + setup.learner().id() + "/" + setup.project().id();
		this.decisions.claim(setup.mentor().id(), setup.learner().id(), setup.project().id());
		Document opened = Html.of(this.mvc.perform(get(path).with(user(setup.mentor()))).andReturn());
		String shown = opened.select("form[action$=/approve] input[name=iteration]").val();
		this.reviews.requestReview(setup.learner().id(), setup.project(),
				new Evidence("https://github.com/x/todo-v2", null, "To-do <b>v2</b>"));

		Document refused = Html.of(
				this.mvc
					.perform(post(path + "/approve").param("iteration", shown)
						.param("comment", "Looks good")
						.with(user(setup.mentor()))
						.with(csrf()))
					.andExpect(status().isBadRequest())
					.andReturn());

		assertThat(shown).isEqualTo("1");
		assertThat(this.reviews.reviewOf(setup.learner().id(), setup.project().id()).state())
			.as("the approval of iteration 1 is refused")
			.isEqualTo(ReviewState.REQUESTED);
		assertThat(refused.select("[role=alert]").text()).contains("submitted a new iteration");
		assertThat(refused.select("[data-changes-since=1] tr[data-changed]"))
			.extracting((row) -> row.attr("data-changed"))
			.containsExactly("url", "note");
		assertThat(refused.select("[data-changes-since=1] tr[data-changed=url] td")).extracting(Element::text)
			.containsExactly("https://github.com/x/todo", "https://github.com/x/todo-v2");
		assertThat(refused.select("[data-changes-since=1] tr[data-changed=note] td")).extracting(Element::text)
			.containsExactly("To-do", "To-do <b>v2</b>");
		assertThat(refused.select("[data-changes-since=1] b")).as("user text is escaped").isEmpty();
		assertThat(refused.select("form[action$=/approve] input[name=iteration]").val()).isEqualTo("2");
		assertThat(refused.select("#approve-comment").text()).isEqualTo("Looks good");
		assertThat(refused.select(".iterations [data-iteration]")).extracting((item) -> item.attr("data-iteration"))
			.containsExactly("1", "2");

		this.mvc
			.perform(post(path + "/approve").param("iteration", "2")
				.param("comment", "Now it is **yours**. <script>alert(1)</script>")
				.with(user(setup.mentor()))
				.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/mentor"));
		Document stage = Html.of(this.mvc.perform(get("/stages/projects").with(user(setup.learner()))).andReturn());
		Elements history = stage.select("[data-skill=" + setup.project().key() + "] .iterations [data-iteration]");
		assertThat(history).extracting((item) -> item.attr("data-iteration")).containsExactly("1", "2");
		assertThat(history.get(1).select(".comments").text()).contains("Now it is yours.");
		assertThat(history.get(1).select(".comments .comment-body strong").text()).as("Markdown").isEqualTo("yours");
		assertThat(history.get(1).select(".comments script")).as("HTML typed is escaped").isEmpty();
		assertThat(stage.select("[data-skill=" + setup.project().key() + "] .badge-verified")).hasSize(1);
	}

	@Test
	void theConversationGoesOnAfterChangesAreRequestedAndEndsWithTheApproval() throws Exception {
		Setup setup = setup();
		String path = "/mentor/reviews/" + setup.learner().id() + "/" + setup.project().id();
		this.decisions.claim(setup.mentor().id(), setup.learner().id(), setup.project().id());
		this.decisions.requestChanges(setup.mentor().id(), setup.learner().id(), setup.project(),
				this.reviews.reviewOf(setup.learner().id(), setup.project().id()).iteration(), "Add tests.");
		this.reviews.reply(setup.learner().id(), setup.project(), "Which ones?");

		Document page = Html.of(this.mvc.perform(get(path).with(user(setup.mentor()))).andReturn());
		assertThat(page.select("form[action$=/comments] textarea[name=comment]")).hasSize(1);
		this.mvc
			.perform(
					post(path + "/comments").param("comment", "For the login.").with(user(setup.mentor())).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(path));
		assertThat(this.reviews.reviewOf(setup.learner().id(), setup.project().id()).comments())
			.extracting(ReviewComment::body)
			.containsExactly("Add tests.", "Which ones?", "For the login.");
		Document stage = Html.of(this.mvc.perform(get("/stages/projects").with(user(setup.learner()))).andReturn());
		assertThat(stage.select("form[action$=/comments]")).hasSize(1);

		this.reviews.requestReview(setup.learner().id(), setup.project(),
				new Evidence("https://github.com/x/todo", null, "With tests"));
		this.decisions.claim(setup.mentor().id(), setup.learner().id(), setup.project().id());
		this.decisions.approve(setup.mentor().id(), setup.learner().id(), setup.project(),
				this.reviews.reviewOf(setup.learner().id(), setup.project().id()).iteration(), null);

		Document closed = Html.of(this.mvc.perform(get(path).with(user(setup.mentor()))).andReturn());
		assertThat(closed.select("form[action$=/comments]")).isEmpty();
		Document stageClosed = Html
			.of(this.mvc.perform(get("/stages/projects").with(user(setup.learner()))).andReturn());
		assertThat(stageClosed.select("form[action$=/comments]")).isEmpty();
		Document refused = Html.of(this.mvc
			.perform(
					post(path + "/comments").param("comment", "One more thing").with(user(setup.mentor())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn());
		assertThat(refused.select(".alert").text())
			.isEqualTo("This review is closed: the skill was approved, so the conversation has ended.");
		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.reviews.reply(setup.learner().id(), setup.project(), "Thanks!"));
		assertThat(this.reviews.reviewOf(setup.learner().id(), setup.project().id()).comments()).hasSize(3);
	}

	@Test
	void anyMentorOfTheLearnerMayTalkWithoutAClaimButOnlyAWaitingRequestIsClaimed() throws Exception {
		Setup setup = setup();
		AccountPrincipal second = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		this.cohorts.assignMentor(setup.cohort().id(), second.id());
		String path = "/mentor/reviews/" + setup.learner().id() + "/" + setup.project().id();
		this.decisions.claim(setup.mentor().id(), setup.learner().id(), setup.project().id());

		Document page = Html.of(this.mvc.perform(get(path).with(user(second))).andReturn());
		assertThat(page.select("form[action$=/comments]")).hasSize(1);
		assertThat(page.select("form[action$=/approve]")).isEmpty();
		this.mvc.perform(post(path + "/comments").param("comment", "Nice start.").with(user(second)).with(csrf()))
			.andExpect(status().isSeeOther());

		this.decisions.requestChanges(setup.mentor().id(), setup.learner().id(), setup.project(),
				this.reviews.reviewOf(setup.learner().id(), setup.project().id()).iteration(), "Add tests.");
		this.mvc.perform(post(path + "/claim").with(user(second)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(path))
			.andExpect(flashMessage("mentor.flash.notWaiting"));
		assertThat(this.decisions.claimOf(setup.learner().id(), setup.project().id())).isEmpty();
		assertThat(this.reviews.reviewOf(setup.learner().id(), setup.project().id()).comments())
			.extracting(ReviewComment::body)
			.containsExactly("Nice start.", "Add tests.");
	}

	@Test
	void aRefusedCommentIsShownInItsOwnFormWithWhatWasTyped() throws Exception {
		Setup setup = setup();
		String path = "/mentor/reviews/" + setup.learner().id() + "/" + setup.project().id();
		this.decisions.claim(setup.mentor().id(), setup.learner().id(), setup.project().id());
		String tooLong = "x".repeat(2001);

		Document page = Html.of(this.mvc
			.perform(post(path + "/comments").param("comment", tooLong).with(user(setup.mentor())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(page.select("form[action$=/comments] .field-error").text()).isNotEmpty();
		assertThat(page.select("form[action$=/comments] textarea").text()).isEqualTo(tooLong);
		assertThat(page.select("form[action$=/changes] .field-error")).isEmpty();
		assertThat(page.select("form[action$=/changes] textarea").text()).isEmpty();
	}

	@Test
	void requestingChangesNeedsAComment() throws Exception {
		Setup setup = setup();
		String path = "/mentor/reviews/" + setup.learner().id() + "/" + setup.project().id();
		this.decisions.claim(setup.mentor().id(), setup.learner().id(), setup.project().id());

		Document page = Html.of(
				this.mvc
					.perform(post(path + "/changes").param("iteration", "1")
						.param("comment", "  ")
						.with(user(setup.mentor()))
						.with(csrf()))
					.andExpect(status().isBadRequest())
					.andReturn());

		assertThat(page.select(".field-error").text()).isEqualTo("Write a comment first.");
		assertThat(this.reviews.reviewOf(setup.learner().id(), setup.project().id()).state())
			.isEqualTo(ReviewState.REQUESTED);
	}

	@Test
	void userWrittenTextComesBackInert() throws Exception {
		Setup setup = setup();
		AccountPrincipal learner = setup.learner();
		Skill skill = this.roadmap.stage("apis").orElseThrow().skills().get(0);
		this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);
		String script = "<script>alert('xss')</script>";

		this.mvc
			.perform(post("/stages/apis/skills/{skill}/review", skill.slug()).param("url", "javascript:alert(1)")
				.param("note", script)
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/stages/apis/skills/{skill}/review", skill.slug())
				.param("url", "https://example.com/?q=\"><script>alert(1)</script>")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/stages/apis/skills/{skill}/review", skill.slug())
				.param("url", "https://example.com/?q=%22%3E%3Cscript%3E")
				.param("note", script)
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isSeeOther());
		this.mvc
			.perform(post("/stages/apis/skills/{skill}/comments", skill.slug()).param("comment", script)
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isSeeOther());

		for (String path : List.of("/stages/apis", "/mentor/reviews/" + learner.id() + "/" + skill.id())) {
			AccountPrincipal viewer = path.startsWith("/mentor") ? setup.mentor() : learner;
			String body = this.mvc.perform(get(path).with(user(viewer))).andReturn().getResponse().getContentAsString();
			assertThat(body).as(path).doesNotContain(script).doesNotContain("<script>alert(1)</script>");
			assertThat(body).as(path).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
			Document page = Html.of(this.mvc.perform(get(path).with(user(viewer))).andReturn());
			assertThat(page.select("a[href^=javascript]")).isEmpty();
			assertThat(page.select("a[href^=https://example.com/?q=]"))
				.allSatisfy((link) -> assertThat(link.attr("rel")).isEqualTo("noopener noreferrer nofollow ugc"))
				.isNotEmpty();
		}
	}

	@Test
	void aMentorPageNamingAnotherMentorsLearnerIsNotFound() throws Exception {
		Setup a = setup();
		Setup b = setup();

		this.mvc.perform(get("/mentor/learners/{id}", b.learner().id()).with(user(a.mentor())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/mentor/reviews/{l}/{s}", b.learner().id(), b.project().id()).with(user(a.mentor())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/mentor").param("cohort", String.valueOf(b.cohort().id())).with(user(a.mentor())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/mentor/learners/{id}", a.learner().id()).with(user(a.mentor())))
			.andExpect(status().isOk());
	}

	/**
	 * A cohort with a mentor and a learner whose first project waits for a review.
	 */
	private Setup setup() {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		AccountPrincipal learner = this.learners.aLearner();
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		this.cohorts.enrol(cohort.id(), learner.id());
		Skill project = this.roadmap.stage("projects").orElseThrow().skills().get(0);
		this.progress.setStatus(learner.id(), project, SkillStatus.DONE);
		this.reviews.requestReview(learner.id(), project, new Evidence("https://github.com/x/todo", null, "To-do"));
		return new Setup(cohort, mentor, learner, project);
	}

	private static String uniqueName() {
		return "Cohort " + UUID.randomUUID();
	}

	private record Setup(Cohort cohort, AccountPrincipal mentor, AccountPrincipal learner, Skill project) {
	}

}
