package dev.roadmap.progress.web;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.NoteService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Private notes per skill: Markdown rendered safely, saved by a plain form or autosaved
 * by htmx, and seen by nobody but their writer.
 */
@RoadmapIntegrationTest
class NotesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	NoteService notes;

	@Test
	void aNoteIsSavedWithItsButtonAndRenderedFromMarkdown() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();

		this.mvc
			.perform(post("/stages/servers/skills/{skill}/note", skill.slug())
				.param("note", "**Nginx** first\n\n- install\n- [docs](https://nginx.org/en/docs/)")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/stages/servers#skill-" + skill.slug()));

		Element note = noteOf(learner, skill);
		assertThat(note.select(".note-rendered strong").text()).isEqualTo("Nginx");
		assertThat(note.select(".note-rendered li")).hasSize(2);
		assertThat(note.select(".note-rendered a").attr("href")).isEqualTo("https://nginx.org/en/docs/");
		assertThat(note.select("textarea").text()).startsWith("**Nginx** first");
		assertThat(note.hasAttr("open")).isTrue();
	}

	@Test
	void htmlAndScriptLinksInANoteComeBackInert() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();

		this.mvc.perform(post("/stages/servers/skills/{skill}/note", skill.slug())
			.param("note", "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))")
			.with(user(learner))
			.with(csrf()));

		Element rendered = noteOf(learner, skill).selectFirst(".note-rendered");
		assertThat(rendered.select("script, img")).isEmpty();
		assertThat(rendered.select("a[href^=javascript]")).isEmpty();
		assertThat(rendered.text()).contains("<script>alert(1)</script>");
	}

	@Test
	void htmxAutosaveAnswersAStatusLineAndTheRenderedNote() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();

		Document fragment = Html.of(
				this.mvc
					.perform(post("/stages/servers/skills/{skill}/note", skill.slug()).param("note", "_typed_")
						.header("HX-Request", "true")
						.with(user(learner))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(fragment.select("#note-status-" + skill.slug()).text()).isEqualTo("Saved.");
		assertThat(fragment.select("#note-rendered-" + skill.slug() + "[hx-swap-oob] em").text()).isEqualTo("typed");
		assertThat(this.notes.notesOf(learner.id()).get(skill.id()).markdown()).isEqualTo("_typed_");
	}

	@Test
	void aTooLongNoteIsRefusedAndTheSavedOneKept() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();
		this.notes.save(learner.id(), skill, "kept");

		Document page = Html.of(
				this.mvc
					.perform(post("/stages/servers/skills/{skill}/note", skill.slug()).param("note", "x".repeat(10_001))
						.with(user(learner))
						.with(csrf()))
					.andExpect(status().isBadRequest())
					.andReturn());
		this.mvc
			.perform(post("/stages/servers/skills/{skill}/note", skill.slug()).param("note", "x".repeat(10_001))
				.header("HX-Request", "true")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isBadRequest());

		assertThat(page.select("[data-skill=" + skill.key() + "] .note .field-error").text())
			.isEqualTo("Use at most 10,000 characters.");
		assertThat(page.select("#note-text-" + skill.slug()).text()).hasSize(10_001);
		assertThat(this.notes.notesOf(learner.id()).get(skill.id()).markdown()).isEqualTo("kept");
	}

	@Test
	void headingsInANoteSitBelowTheSkillsOwnHeading() {
		assertThat(this.notes.render("# Plan\n\n## Steps\n\n#### Deep")).contains("<h4>Plan</h4>")
			.contains("<h5>Steps</h5>")
			.contains("<h6>Deep</h6>")
			.doesNotContain("<h1>");
	}

	@Test
	void aBlankNoteDeletesIt() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();
		this.notes.save(learner.id(), skill, "soon gone");

		this.mvc
			.perform(post("/stages/servers/skills/{skill}/note", skill.slug()).param("note", "  ")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isSeeOther());

		assertThat(this.notes.notesOf(learner.id())).isEmpty();
	}

	@Test
	void notesArePrivate() throws Exception {
		AccountPrincipal writer = this.learners.aLearner();
		AccountPrincipal reader = this.learners.aLearner();
		Skill skill = skill();
		this.notes.save(writer.id(), skill, "my secret plan");

		assertThat(noteOf(reader, skill).text()).doesNotContain("my secret plan");
		String anonymous = this.mvc.perform(get("/stages/servers")).andReturn().getResponse().getContentAsString();
		assertThat(anonymous).doesNotContain("my secret plan").doesNotContain("note-text");
	}

	@Test
	void notesAreInTheExportAndGoWithTheAccount() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();
		this.notes.save(learner.id(), skill, "remember the reverse proxy");

		String export = this.mvc.perform(get("/account/export").with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(export).contains("remember the reverse proxy");

		this.mvc
			.perform(post("/account/delete").param("currentPassword", Learners.PASSWORD)
				.param("confirmation", "DELETE")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isSeeOther());
		assertThat(this.notes.notesOf(learner.id())).isEmpty();
	}

	private Element noteOf(AccountPrincipal learner, Skill skill) throws Exception {
		Document page = Html.of(this.mvc.perform(get("/stages/servers").with(user(learner))).andReturn());
		return page.selectFirst("[data-skill=" + skill.key() + "] details.note");
	}

	private Skill skill() {
		return this.roadmap.stage("servers").orElseThrow().skills().get(0);
	}

}
