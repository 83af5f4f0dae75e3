package dev.roadmap.progress.web;

import java.util.List;
import java.util.Map;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.StatusChange;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

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

	StageController(RoadmapService roadmap, ProgressService progress) {
		this.roadmap = roadmap;
		this.progress = progress;
	}

	@GetMapping("/stages/{slug}")
	String show(@PathVariable String slug, @AuthenticationPrincipal AccountPrincipal user, Model model) {
		List<Stage> stages = this.roadmap.stages();
		int index = indexOf(stages, slug);
		Stage stage = stages.get(index);
		boolean learner = user != null && user.hasRole(Role.LEARNER);
		Map<Long, SkillStatus> statuses = learner ? this.progress.statusesOf(user.id()) : Map.of();
		model.addAttribute("stage", stage);
		model.addAttribute("skills",
				stage.skills()
					.stream()
					.map((skill) -> new SkillRow(skill, statuses.getOrDefault(skill.id(), SkillStatus.NOT_STARTED)))
					.toList());
		model.addAttribute("statuses", SkillStatus.values());
		model.addAttribute("learner", learner);
		if (learner) {
			model.addAttribute("progress", ProgressService.progressOf(statuses, List.of(stage)).stage(slug));
		}
		model.addAttribute("previous", (index > 0) ? stages.get(index - 1) : null);
		model.addAttribute("next", (index < stages.size() - 1) ? stages.get(index + 1) : null);
		return "stages/show";
	}

	@PostMapping("/stages/{slug}/skills/{skillSlug}/status")
	RedirectView setStatus(@PathVariable String slug, @PathVariable String skillSlug, @RequestParam SkillStatus status,
			@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		Skill skill = this.roadmap.skill(slug, skillSlug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such skill"));
		StatusChange change = this.progress.setStatus(user.id(), skill, status);
		redirect.addFlashAttribute("flash", change.changed() ? "flash.statusSaved" : "flash.statusUnchanged");
		redirect.addFlashAttribute("flashSkill", skill.title());
		redirect.addFlashAttribute("flashStatus", status);
		RedirectView view = new RedirectView("/stages/" + slug + "#skill-" + skillSlug, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
	}

	private static int indexOf(List<Stage> stages, String slug) {
		for (int i = 0; i < stages.size(); i++) {
			if (stages.get(i).slug().equals(slug)) {
				return i;
			}
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such stage");
	}

}
