package dev.roadmap.progress.web;

import java.net.http.HttpResponse;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.NoteService;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.test.Html;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The parts of a stage page and of the home page rendered once and reused (SkillMarkup):
 * each viewer still gets their own status, note and CSRF token in them, and nothing of
 * one learner's shows on another's page.
 */
@RoadmapIntegrationTest
class SkillMarkupIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	ProgressService progress;

	@Autowired
	NoteService notes;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	Http http;

	@Test
	void everyFormOfTheReusedMarkupCarriesThisRequestsCsrfToken() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();

		Document first = page("databases", learner, new MockHttpSession());
		Document second = page("databases", learner, new MockHttpSession());

		String token = logoutToken(first);
		assertThat(token).isNotBlank();
		List<Element> forms = first.select("li[data-skill] form[method=post]");
		assertThat(forms).hasSizeGreaterThanOrEqualTo(2 * skills("databases").size());
		assertThat(forms).allSatisfy((form) -> assertThat(form.select("input[type=hidden][name=_csrf]")).singleElement()
			.satisfies((hidden) -> assertThat(hidden.val()).isEqualTo(token)));
		assertThat(logoutToken(second)).as("another session, another token").isNotEqualTo(token);
		assertThat(second.select("li[data-skill] form.status-form input[name=_csrf]").eachAttr("value"))
			.containsOnly(logoutToken(second));
	}

	@Test
	void theReusedStatusFormSubmitsWithItsToken() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skills("servers").get(1);
		Http browser = this.http.fresh().logIn(learner.getUsername(), Learners.PASSWORD);
		Element form = Jsoup.parse(browser.get("/stages/servers").body())
			.selectFirst("li[data-skill=" + skill.key() + "] form.status-form");

		HttpResponse<String> saved = browser.postForm(form.attr("action"),
				"status=DONE&_csrf=" + form.selectFirst("input[name=_csrf]").val());

		assertThat(saved.statusCode()).isEqualTo(303);
		assertThat(this.progress.statusesOf(learner.id())).containsEntry(skill.id(), SkillStatus.DONE);
		Element row = Jsoup.parse(browser.get("/stages/servers").body())
			.selectFirst("li[data-skill=" + skill.key() + "]");
		assertThat(row.select("input[name=status][checked]").eachAttr("value")).containsExactly("DONE");
	}

	@Test
	void eachLearnerSeesTheirOwnStatusesAndNotesInTheSameMarkup() throws Exception {
		AccountPrincipal writer = this.learners.aLearner();
		AccountPrincipal other = this.learners.aLearner();
		Skill skill = skills("apis").get(0);
		this.progress.setStatus(writer.id(), skill, SkillStatus.IN_PROGRESS);
		this.notes.save(writer.id(), skill, "My *secret* plan");

		Element mine = page("apis", writer, new MockHttpSession()).selectFirst("li[data-skill=" + skill.key() + "]");
		Element theirs = page("apis", other, new MockHttpSession()).selectFirst("li[data-skill=" + skill.key() + "]");
		Element mineAgain = page("apis", writer, new MockHttpSession())
			.selectFirst("li[data-skill=" + skill.key() + "]");

		assertThat(mine.select("input[name=status][checked]").eachAttr("value")).containsExactly("IN_PROGRESS");
		assertThat(theirs.select("input[name=status][checked]").eachAttr("value")).containsExactly("NOT_STARTED");
		assertThat(mine.selectFirst("details.note").hasAttr("open")).isTrue();
		assertThat(mine.selectFirst("details.note textarea").val()).isEqualTo("My *secret* plan");
		assertThat(mine.select(".note-rendered em").text()).isEqualTo("secret");
		assertThat(theirs.selectFirst("details.note").hasAttr("open")).isFalse();
		assertThat(theirs.selectFirst("details.note textarea").val()).isEmpty();
		assertThat(theirs.text()).doesNotContain("secret");
		assertThat(mineAgain.outerHtml()).isEqualTo(
				mine.outerHtml().replace(logoutToken(mine.ownerDocument()), logoutToken(mineAgain.ownerDocument())));
	}

	@Test
	void visitorsGetTheSameSkillTextWithoutForms() throws Exception {
		Document visitor = Html.of(this.mvc.perform(get("/stages/databases")).andExpect(status().isOk()).andReturn());
		Document learner = page("databases", this.learners.aLearner(), new MockHttpSession());

		assertThat(visitor.select("li[data-skill] .skill-body").outerHtml())
			.isEqualTo(learner.select("li[data-skill] .skill-body").outerHtml());
		assertThat(visitor.select("li[data-skill] form")).isEmpty();
		assertThat(visitor.select("li[data-skill] .status-login a").eachAttr("href")).containsOnly("/login");
	}

	/**
	 * The home page's cards, rendered once per stage, read as the template wrote them in
	 * place: each stage's number, linked title, summary and number of skills, indented as
	 * the card's other children, for a visitor and for a learner (whose cards go on with
	 * their progress).
	 */
	@Test
	void theHomePagesCardsShowEachStageAsTheyDidInPlace() throws Exception {
		String visitor = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String learner = this.mvc.perform(get("/").with(user(this.learners.aLearner())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<Stage> stages = this.roadmap.stages();
		for (String page : List.of(visitor, learner)) {
			for (Stage stage : stages) {
				int skills = stage.skills().size();
				assertThat(page).contains("<li class=\"stage-card\" data-stage-card=\"" + stage.slug() + "\">\n"
						+ "            <p class=\"stage-number\">Stage " + stage.number() + "</p>\n"
						+ "            <h2><a href=\"/stages/" + stage.slug() + "\">"
						+ HtmlUtils.htmlEscape(stage.title()) + "</a></h2>\n" + "            <p>"
						+ HtmlUtils.htmlEscape(stage.summary()) + "</p>\n" + "            <p class=\"muted\">" + skills
						+ ((skills == 1) ? " skill" : " skills") + "</p>\n");
			}
		}
		assertThat(Jsoup.parse(learner).select("li.stage-card .progress")).hasSize(stages.size());
		assertThat(Jsoup.parse(visitor).select("li.stage-card .progress")).isEmpty();
	}

	private Document page(String stage, AccountPrincipal learner, MockHttpSession session) throws Exception {
		return Html.of(this.mvc.perform(get("/stages/{slug}", stage).session(session).with(user(learner)))
			.andExpect(status().isOk())
			.andReturn());
	}

	private static String logoutToken(Document page) {
		return page.select("form[action=/logout] input[name=_csrf]").val();
	}

	private List<Skill> skills(String stage) {
		return this.roadmap.stage(stage).orElseThrow().skills();
	}

}
