package dev.roadmap.progress.web;

import java.util.List;
import java.util.Map;

import dev.roadmap.account.PublicPageService;
import dev.roadmap.account.PublicProfile;
import dev.roadmap.progress.LearnerSkills;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A learner's public progress page, {@code /u/{handle}}, for anyone to see while the
 * learner has it on: their display name, progress bars and verified skills, and nothing
 * else (no e-mail address, notes, evidence, comments or statuses other than done). An
 * unknown handle, or a page turned off, is not found.
 */
@Controller
class PublicProgressController {

	private final PublicPageService publicPages;

	private final RoadmapService roadmap;

	private final ProgressService progress;

	PublicProgressController(PublicPageService publicPages, RoadmapService roadmap, ProgressService progress) {
		this.publicPages = publicPages;
		this.roadmap = roadmap;
		this.progress = progress;
	}

	@GetMapping("/u/{handle}")
	String page(@PathVariable String handle, Model model) {
		PublicProfile owner = this.publicPages.findByPublicHandle(handle)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No public page"));
		List<Stage> stages = this.roadmap.stages();
		LearnerSkills theirs = this.progress.statusesAndReviewsOf(owner.id());
		Map<Long, SkillReview> reviews = theirs.reviews();
		// Only the skills' identities leave this method: the reviews' evidence and
		// comments are private.
		List<Skill> verified = stages.stream()
			.flatMap((stage) -> stage.skills().stream())
			.filter((skill) -> reviews.containsKey(skill.id()) && reviews.get(skill.id()).verified())
			.toList();
		model.addAttribute("owner", owner);
		model.addAttribute("stages", stages);
		model.addAttribute("progress", ProgressService.progressOf(theirs.statuses(), stages));
		model.addAttribute("verified", verified);
		return "public/progress";
	}

}
