package dev.roadmap.progress.web;

import java.util.Optional;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.Note;
import dev.roadmap.progress.NoteService;
import dev.roadmap.progress.review.ReviewException;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A learner's private note on a skill: saved with its button without JavaScript, and
 * autosaved by htmx while typing, which gets back only a status line and the rendered
 * note.
 */
@Controller
class NoteController {

	private static final String PATH = "/stages/{slug}/skills/{skillSlug}/note";

	private final RoadmapService roadmap;

	private final NoteService notes;

	private final StagePage page;

	NoteController(RoadmapService roadmap, NoteService notes, StagePage page) {
		this.roadmap = roadmap;
		this.notes = notes;
		this.page = page;
	}

	@PostMapping(PATH)
	Object save(@PathVariable String slug, @PathVariable String skillSlug, @RequestParam(required = false) String note,
			@AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Skill skill = skill(slug, skillSlug);
		try {
			this.notes.save(user.id(), skill, note);
		}
		catch (ReviewException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorSkill", skill.slug());
			model.addAttribute("reviewErrors", ex.problems());
			model.addAttribute("noteDraft", note);
			return this.page.render(slug, user, model);
		}
		return SkillReviewController.backToSkill(slug, skill, "flash.noteSaved", redirect);
	}

	@PostMapping(path = PATH, headers = "HX-Request=true")
	String autosave(@PathVariable String slug, @PathVariable String skillSlug,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal user, Model model,
			HttpServletResponse response) {
		Skill skill = skill(slug, skillSlug);
		model.addAttribute("skill", skill);
		try {
			Optional<Note> saved = this.notes.save(user.id(), skill, note);
			model.addAttribute("note", saved.orElse(null));
			model.addAttribute("noteStatus", "note.saved");
		}
		catch (ReviewException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("noteStatus", ex.problems().getOrDefault("note", "note.notSaved"));
			model.addAttribute("noteError", true);
			return "fragments/skill :: note-status";
		}
		return "fragments/skill :: note-saved";
	}

	private Skill skill(String slug, String skillSlug) {
		return this.roadmap.skill(slug, skillSlug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such skill"));
	}

}
