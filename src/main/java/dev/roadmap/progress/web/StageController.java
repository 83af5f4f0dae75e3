package dev.roadmap.progress.web;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.StatusChange;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.Flash;
import dev.roadmap.shared.SeeOther;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A stage page, and the learner's status control for each of its skills.
 */
@Controller
class StageController {

	private final RoadmapService roadmap;

	private final ProgressService progress;

	private final StagePage page;

	StageController(RoadmapService roadmap, ProgressService progress, StagePage page) {
		this.roadmap = roadmap;
		this.progress = progress;
		this.page = page;
	}

	@GetMapping("/stages/{slug}")
	String show(@PathVariable String slug, @AuthenticationPrincipal AccountPrincipal user, Model model) {
		return this.page.render(slug, user, model);
	}

	@PostMapping("/stages/{slug}/skills/{skillSlug}/status")
	RedirectView setStatus(@PathVariable String slug, @PathVariable String skillSlug, @RequestParam SkillStatus status,
			@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		Skill skill = skill(slug, skillSlug);
		StatusChange change = this.progress.setStatus(user.id(), skill, status);
		return SeeOther.to("/stages/" + slug + "#skill-" + skillSlug, redirect, flashFor(change), skill.title(),
				Flash.message("status." + status));
	}

	/**
	 * The same change asked by htmx: answers the skill's row and, out of band, the
	 * stage's progress bar and a message for screen readers, so the page updates without
	 * a reload.
	 */
	@PostMapping(path = "/stages/{slug}/skills/{skillSlug}/status", headers = "HX-Request=true")
	String setStatusInPlace(@PathVariable String slug, @PathVariable String skillSlug, @RequestParam SkillStatus status,
			@AuthenticationPrincipal AccountPrincipal user, Model model) {
		Skill skill = skill(slug, skillSlug);
		StatusChange.Shown shown = this.progress.setStatusAndRead(user.id(), skill, status);
		model.addAttribute("flash",
				Flash.of(flashFor(shown.change()), skill.title(), Flash.message("status." + status)));
		return this.page.renderSkill(slug, skill, user, shown.skills(), model);
	}

	private Skill skill(String slug, String skillSlug) {
		return this.roadmap.skill(slug, skillSlug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such skill"));
	}

	private static String flashFor(StatusChange change) {
		return change.changed() ? "flash.statusSaved" : "flash.statusUnchanged";
	}

}
