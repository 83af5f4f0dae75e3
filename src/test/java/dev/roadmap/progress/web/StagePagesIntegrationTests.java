package dev.roadmap.progress.web;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.test.Flashes;
import dev.roadmap.test.Html;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.Logins;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.Skills;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page, the stage pages and the status form, over HTTP.
 */
@RoadmapIntegrationTest
class StagePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	Skills skills;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	Http http;

	@Test
	void visitorsSeeTheTenStagesInOrderWithSkillCountsAndNoProgress() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

		assertThat(page.select("li[data-stage-card]").eachAttr("data-stage-card")).containsExactly("what-is-backend",
				"languages", "databases", "servers", "apis", "security", "projects", "version-control", "debugging",
				"community");
		assertThat(page.select("li[data-stage-card=languages] p.muted").text()).isEqualTo("6 skills");
		assertThat(page.select("li[data-stage-card=languages] h2 a").attr("href")).isEqualTo("/stages/languages");
		assertThat(page.select("progress")).isEmpty();
		assertThat(page.text()).contains("Create a free account");
	}

	@Test
	void learnersSeeTheirProgressPerStageAndOverall() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		this.progress.setStatus(learner.id(), this.skills.of("servers", 0), SkillStatus.DONE);
		this.progress.setStatus(learner.id(), this.skills.of("servers", 1), SkillStatus.SKIPPED);

		Document page = Html.of(this.mvc.perform(get("/").with(user(learner))).andExpect(status().isOk()).andReturn());

		assertThat(page.select("progress[data-stage]")).hasSize(11);
		assertThat(page.select("progress[data-stage=servers]").attr("value")).isEqualTo("33");
		assertThat(page.select("progress[data-stage=apis]").attr("value")).isEqualTo("0");
		assertThat(page.select("progress[data-stage=overall]").attr("value")).isEqualTo("2");
		assertThat(page.select("progress[data-stage=servers]").attr("max")).isEqualTo("100");
	}

	@Test
	void searchFindsSkillsByAllTheirWordsAcrossStages() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/").param("q", "  SQL   injection ")).andReturn());

		assertThat(page.select("[data-result]").eachAttr("data-result")).isNotEmpty()
			.allMatch((key) -> key.startsWith("security/") || key.startsWith("databases/"));
		assertThat(page.select("[data-result] a").first().attr("href")).matches("/stages/[a-z-]+#skill-[a-z0-9-]+");
		assertThat(page.select("#q").val()).isEqualTo("SQL   injection");

		Document none = Html.of(this.mvc.perform(get("/").param("q", "cobol mainframe")).andReturn());
		assertThat(none.select("#results-heading").text()).isEqualTo("No skills match \"cobol mainframe\"");
		assertThat(none.select("li[data-stage-card]")).as("the stages stay below").hasSize(10);

		Document plain = Html.of(this.mvc.perform(get("/")).andReturn());
		assertThat(plain.select(".search-results")).isEmpty();
	}

	@Test
	void searchTextComesBackEscaped() throws Exception {
		String body = this.mvc.perform(get("/").param("q", "<script>alert(1)</script>"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void learnersCanHideTheStagesTheyHaveFinished() throws Exception {
		AccountPrincipal learner = this.learners.learner().withStageDone("what-is-backend").create();

		Document page = Html.of(this.mvc.perform(get("/").param("unfinished", "true").with(user(learner))).andReturn());

		assertThat(page.select("li[data-stage-card]")).hasSize(9);
		assertThat(page.select("li[data-stage-card=what-is-backend]")).isEmpty();
		assertThat(page.select("#unfinished").hasAttr("checked")).isTrue();
		assertThat(Html.of(this.mvc.perform(get("/").param("unfinished", "true")).andReturn())
			.select("li[data-stage-card]")).as("visitors have nothing finished to hide").hasSize(10);
	}

	@Test
	void aStagePageShowsItsExplanationAndEverySkillWithResources() throws Exception {
		Stage stage = this.roadmap.stage("databases").orElseThrow();

		Document page = Html.of(this.mvc.perform(get("/stages/databases")).andExpect(status().isOk()).andReturn());

		assertThat(page.select("h1").text()).isEqualTo(stage.title());
		assertThat(page.select(".explanation p")).hasSize(stage.paragraphs().size());
		assertThat(page.select("li[data-skill]").eachAttr("data-skill"))
			.containsExactlyElementsOf(stage.skills().stream().map(Skill::key).toList());
		assertThat(page.select("li[data-skill]").eachAttr("data-status")).containsOnly("NOT_STARTED");
		assertThat(page.select("form[action$=/status]")).isEmpty();
		assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/stages/servers");
		assertThat(page.select("a[rel=prev]").attr("href")).isEqualTo("/stages/languages");
		for (Skill skill : stage.skills()) {
			Element element = page.selectFirst("li[data-skill=" + skill.key() + "]");
			assertThat(element.select("h3").text()).isEqualTo(skill.title());
			assertThat(element.select("ul.resources a").eachAttr("href"))
				.containsExactlyElementsOf(skill.resources().stream().map((resource) -> resource.url()).toList());
		}
	}

	@Test
	void everyStageAndSkillOfTheDesignIsOnItsPage() throws Exception {
		// One keyword per bullet of DESIGN.md §2, in the article's order.
		Map<String, List<String>> design = new LinkedHashMap<>();
		design.put("what-is-backend", List.of("frontend", "handles", "login"));
		design.put("languages", List.of("javascript", "python", "java", "php", "go", "primary"));
		design.put("databases", List.of("relational", "non-relational", "tables", "query", "duplicat", "sensitive"));
		design.put("servers", List.of("web servers", "cloud", "frameworks", "deploy"));
		design.put("apis", List.of("create", "payment", "maps", "messaging"));
		design.put("security", List.of("passwords", "endpoints", "authentication", "sql injection"));
		design.put("projects", List.of("to-do", "blog", "e-commerce"));
		design.put("version-control", List.of("git", "github", "open-source", "daily"));
		design.put("debugging", List.of("logs", "unit tests", "debugging tools", "performance"));
		design.put("community", List.of("communities", "courses", "open source", "mentorship"));

		for (Map.Entry<String, List<String>> stage : design.entrySet()) {
			Document page = Html
				.of(this.mvc.perform(get("/stages/{slug}", stage.getKey())).andExpect(status().isOk()).andReturn());
			List<String> titles = page.select("li[data-skill] h3").eachText();
			assertThat(titles).as(stage.getKey()).hasSameSizeAs(stage.getValue());
			for (int i = 0; i < titles.size(); i++) {
				assertThat(titles.get(i).toLowerCase()).as(stage.getKey()).contains(stage.getValue().get(i));
			}
			assertThat(page.select("li[data-skill]").eachAttr("data-skill"))
				.allMatch((key) -> key.startsWith(stage.getKey() + "/"));
			assertThat(page.select("li[data-skill] p.skill-description").eachText()).as("descriptions")
				.hasSameSizeAs(titles)
				.allMatch((text) -> text.length() > 40);
			assertThat(page.select("li[data-skill]"))
				.allSatisfy((skill) -> assertThat(skill.select("ul.resources a")).isNotEmpty());
		}
	}

	@Test
	void learnersGetAStatusFormPerSkillShowingTheirStatus() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.skills.of("apis", 2);
		this.progress.setStatus(learner.id(), skill, SkillStatus.IN_PROGRESS);

		Document page = Html
			.of(this.mvc.perform(get("/stages/apis").with(user(learner))).andExpect(status().isOk()).andReturn());

		Element element = page.selectFirst("li[data-skill=" + skill.key() + "]");
		assertThat(element.attr("data-status")).isEqualTo("IN_PROGRESS");
		Element form = element.selectFirst("form.status-form");
		assertThat(form.attr("action")).isEqualTo("/stages/apis/skills/" + skill.slug() + "/status");
		assertThat(form.attr("method")).isEqualTo("post");
		assertThat(form.select("input[checked]").val()).isEqualTo("IN_PROGRESS");
		assertThat(form.select("input[name=_csrf]")).hasSize(1);
		assertThat(element.select("input[type=radio]").eachAttr("value")).containsExactly("NOT_STARTED", "IN_PROGRESS",
				"DONE", "SKIPPED");
		for (Element radio : element.select("input[type=radio]")) {
			assertThat(element.select("label[for=" + radio.id() + "]")).as("every radio has a label").hasSize(1);
		}
		assertThat(page.select("progress[data-stage=apis]").attr("value")).isEqualTo("0");
	}

	@Test
	void postingAStatusSavesItAndRedirectsBackToTheSkill() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.skills.of("security", 1);

		this.mvc
			.perform(post("/stages/security/skills/{skill}/status", skill.slug()).param("status", "DONE")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/stages/security#skill-" + skill.slug()))
			.andExpect(flashMessage("flash.statusSaved"));

		assertThat(this.progress.statusesOf(learner.id())).isEqualTo(Map.of(skill.id(), SkillStatus.DONE));
		Document page = Html.of(this.mvc.perform(get("/stages/security").with(user(learner))).andReturn());
		assertThat(page.select("li[data-skill=" + skill.key() + "]").attr("data-status")).isEqualTo("DONE");
		assertThat(page.select("progress[data-stage=security]").attr("value")).isEqualTo("25");
	}

	@Test
	void afterTheRedirectThePageSaysWhatWasSavedInTheReadersWords() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.skills.of("security", 2);
		Cookie[] session = Logins.session(this.mvc, learner.getUsername(), Learners.PASSWORD);

		Document page = Flashes.pageAfter(this.mvc,
				post("/stages/security/skills/{skill}/status", skill.slug()).param("status", "DONE"), session);

		// The status is a message of its own ("Done"), resolved when the page is shown.
		assertThat(page.select(".flash[role=status]").text())
			.isEqualTo("Saved: \"" + skill.title() + "\" is now Done.");
	}

	@Test
	void htmxGetsTheSkillRowAndTheProgressBarInsteadOfARedirect() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.skills.of("servers", 2);

		Document fragment = Html.of(
				this.mvc
					.perform(post("/stages/servers/skills/{skill}/status", skill.slug()).param("status", "DONE")
						.header("HX-Request", "true")
						.with(user(learner))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(fragment.select("li[data-skill]")).singleElement()
			.satisfies((row) -> assertThat(row.attr("data-status")).isEqualTo("DONE"));
		assertThat(fragment.select("li[data-skill] form.status-form").attr("hx-post"))
			.isEqualTo("/stages/servers/skills/" + skill.slug() + "/status");
		assertThat(fragment.select("#stage-progress[hx-swap-oob] progress[data-stage=servers]").attr("value"))
			.isEqualTo("25");
		assertThat(fragment.select("#status-announcement[hx-swap-oob]").text()).contains("is now Done");
		assertThat(fragment.select("header, footer")).as("a fragment, not a page").isEmpty();
		assertThat(this.progress.statusesOf(learner.id())).isEqualTo(Map.of(skill.id(), SkillStatus.DONE));
	}

	@Test
	void anonymousStatusPostsGoToTheLoginPageAndChangeNothing() throws Exception {
		this.mvc
			.perform(post("/stages/security/skills/{skill}/status", this.skills.of("security", 0).slug())
				.param("status", "DONE")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void statusPostsWithoutCsrfTokenAreRefusedAndChangeNothing() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		this.mvc
			.perform(post("/stages/security/skills/{skill}/status", this.skills.of("security", 0).slug())
				.param("status", "DONE")
				.with(user(learner)))
			.andExpect(status().isForbidden());

		assertThat(this.progress.statusesOf(learner.id())).isEmpty();
	}

	@Test
	void usersWithoutTheLearnerRoleCannotPostStatuses() throws Exception {
		AccountPrincipal admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));

		this.mvc
			.perform(post("/stages/security/skills/{skill}/status", this.skills.of("security", 0).slug())
				.param("status", "DONE")
				.with(user(admin))
				.with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(this.progress.statusesOf(admin.id())).isEmpty();
	}

	@Test
	void unknownStagesAndSkillsAreNotFoundAndChangeNothing() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		this.mvc
			.perform(post("/stages/no-such-stage/skills/whatever/status").param("status", "DONE")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/stages/security/skills/no-such-skill/status").param("status", "DONE")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isNotFound());

		assertThat(this.progress.statusesOf(learner.id())).isEmpty();
	}

	@Test
	void invalidOrMissingStatusValuesAreBadRequestsAndChangeNothing() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		String url = "/stages/security/skills/" + this.skills.of("security", 0).slug() + "/status";

		for (String value : new String[] { "FINISHED", "done", "", "DONE'; drop table skill_status; --" }) {
			this.mvc.perform(post(url).param("status", value).with(user(learner)).with(csrf()))
				.andExpect(status().isBadRequest());
		}
		this.mvc.perform(post(url).with(user(learner)).with(csrf())).andExpect(status().isBadRequest());

		assertThat(this.progress.statusesOf(learner.id())).isEmpty();
	}

	@Test
	void unknownPagesGetAFriendlyPageInTheSiteLayout() throws Exception {
		HttpResponse<String> response = this.http.get("/stages/no-such-stage");

		assertThat(response.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Page not found");
		assertThat(page.select("header.site-header")).hasSize(1);
		assertThat(page.select("main a.button").attr("href")).isEqualTo("/");
		assertThat(response.body()).doesNotContain("Whitelabel", "Exception");
	}

	@Test
	void formsPostedWithoutCsrfTokenGetAFriendlyPageInTheSiteLayout() throws Exception {
		HttpResponse<String> response = this.http.postForm("/register", "email=a%40example.com");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Not allowed");
	}

}
