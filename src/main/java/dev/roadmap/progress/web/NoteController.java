package dev.roadmap.progress.web;

import java.util.Optional;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.Note;
import dev.roadmap.progress.NoteService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.OnRefusal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;
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
	View save(@PathVariable String slug, @PathVariable String skillSlug, @RequestParam(required = false) String note,
			@AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		Skill skill = skill(slug, skillSlug);
		onRefusal.show((refusal) -> {
			model.addAttribute("errorSkill", skill.slug());
			model.addAttribute("reviewErrors", refusal.problems());
			model.addAttribute("noteDraft", note);
			return this.page.render(slug, user, model);
		});
		this.notes.save(user.id(), skill, note);
		return SkillReviewController.backToSkill(slug, skill, "flash.noteSaved", redirect);
	}

	@PostMapping(path = PATH, headers = "HX-Request=true")
	String autosave(@PathVariable String slug, @PathVariable String skillSlug,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal user, Model model,
			OnRefusal onRefusal) {
		Skill skill = skill(slug, skillSlug);
		model.addAttribute("skill", skill);
		// htmx swaps in only the status line, saying why.
		onRefusal.show((refusal) -> {
			model.addAttribute("noteStatus", refusal.problems().getOrDefault("note", "note.notSaved"));
			model.addAttribute("noteError", true);
			return "fragments/skill :: note-status";
		});
		Optional<Note> saved = this.notes.save(user.id(), skill, note);
		model.addAttribute("note", saved.orElse(null));
		model.addAttribute("noteStatus", "note.saved");
		return "fragments/skill :: note-saved";
	}

	private Skill skill(String slug, String skillSlug) {
		return this.roadmap.skill(slug, skillSlug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such skill"));
	}

}
