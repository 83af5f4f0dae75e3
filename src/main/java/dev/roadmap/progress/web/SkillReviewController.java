package dev.roadmap.progress.web;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.RefusedInputException;
import dev.roadmap.shared.SeeOther;

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
 * The learner's side of a review: evidence and the request, and replies to the mentor. A
 * learner only ever acts on their own skills, so there is no id to forge.
 */
@Controller
class SkillReviewController {

	private final RoadmapService roadmap;

	private final ReviewService reviews;

	private final StagePage page;

	SkillReviewController(RoadmapService roadmap, ReviewService reviews, StagePage page) {
		this.roadmap = roadmap;
		this.reviews = reviews;
		this.page = page;
	}

	@PostMapping("/stages/{slug}/skills/{skillSlug}/review")
	View requestReview(@PathVariable String slug, @PathVariable String skillSlug,
			@RequestParam(required = false) String url, @RequestParam(required = false) String liveUrl,
			@RequestParam(required = false) String note, @AuthenticationPrincipal AccountPrincipal user, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		Skill skill = skill(slug, skillSlug);
		Evidence evidence = new Evidence(url, liveUrl, note);
		onRefusal.show((refusal) -> {
			model.addAttribute("evidenceDraft", evidence);
			return showErrors(slug, skill, refusal, user, model);
		});
		this.reviews.requestReview(user.id(), skill, evidence);
		return backToSkill(slug, skill, "flash.reviewRequested", redirect);
	}

	@PostMapping("/stages/{slug}/skills/{skillSlug}/comments")
	View reply(@PathVariable String slug, @PathVariable String skillSlug,
			@RequestParam(required = false) String comment, @AuthenticationPrincipal AccountPrincipal user, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		Skill skill = skill(slug, skillSlug);
		onRefusal.show((refusal) -> {
			model.addAttribute("commentDraft", comment);
			return showErrors(slug, skill, refusal, user, model);
		});
		this.reviews.reply(user.id(), skill, comment);
		return backToSkill(slug, skill, "flash.replySent", redirect);
	}

	private String showErrors(String slug, Skill skill, RefusedInputException refusal, AccountPrincipal user,
			Model model) {
		model.addAttribute("errorSkill", skill.slug());
		model.addAttribute("reviewErrors", refusal.problems());
		return this.page.render(slug, user, model);
	}

	private Skill skill(String slug, String skillSlug) {
		return this.roadmap.skill(slug, skillSlug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such skill"));
	}

	static View backToSkill(String slug, Skill skill, String flash, RedirectAttributes redirect) {
		return SeeOther.to("/stages/" + slug + "#skill-" + skill.slug(), redirect, flash, skill.title());
	}

}
