package dev.roadmap.progress.web;

import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.LearnerSkills;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.RoadmapProgress;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Stage;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: the ten stages as cards, with the learner's progress when logged in.
 */
@Controller
class HomeController {

	private final RoadmapService roadmap;

	private final ProgressService progress;

	private final SkillMarkup markup;

	HomeController(RoadmapService roadmap, ProgressService progress, SkillMarkup markup) {
		this.roadmap = roadmap;
		this.progress = progress;
		this.markup = markup;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean unfinished, Model model) {
		List<Stage> stages = this.roadmap.stages();
		String query = SkillSearch.clean(q);
		boolean learner = user != null && user.hasRole(Role.LEARNER);
		model.addAttribute("skillCount", stages.stream().mapToInt((stage) -> stage.skills().size()).sum());
		model.addAttribute("query", query);
		model.addAttribute("unfinished", unfinished && learner);
		if (!query.isEmpty()) {
			model.addAttribute("matches", SkillSearch.find(stages, query));
		}
		List<Stage> shown = stages;
		if (learner) {
			LearnerSkills mine = this.progress.statusesAndReviewsOf(user.id());
			RoadmapProgress progress = ProgressService.progressOf(mine.statuses(), stages);
			model.addAttribute("progress", progress);
			model.addAttribute("verified", mine.verifiedCount(this.roadmap::isCurrent));
			if (unfinished) {
				shown = stages.stream().filter((stage) -> !progress.stage(stage.slug()).complete()).toList();
			}
		}
		model.addAttribute("stages", shown);
		model.addAttribute("fixedMarkup", this.markup);
		return "home";
	}

}
