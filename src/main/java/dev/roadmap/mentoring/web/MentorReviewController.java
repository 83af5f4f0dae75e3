package dev.roadmap.mentoring.web;

import java.util.Optional;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.progress.review.Claim;
import dev.roadmap.progress.review.ClaimRequiredException;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewException;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.SeeOther;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A mentor's review of one request: claim it, then approve it or ask for changes; talk
 * with the learner, claimed or not, while the conversation is open. Every route checks
 * that the mentor mentors the learner (else 404: who may review whom is mentoring's rule)
 * and that the review exists; the review rules are the review module's.
 */
@Controller
class MentorReviewController {

	private static final String PATH = "/mentor/reviews/{learnerId}/{skillId}";

	private final CohortService cohorts;

	private final ReviewService reviews;

	private final ReviewDecisions decisions;

	private final RoadmapService roadmap;

	private final AccountService accounts;

	MentorReviewController(CohortService cohorts, ReviewService reviews, ReviewDecisions decisions,
			RoadmapService roadmap, AccountService accounts) {
		this.cohorts = cohorts;
		this.reviews = reviews;
		this.decisions = decisions;
		this.roadmap = roadmap;
		this.accounts = accounts;
	}

	@GetMapping(PATH)
	String show(@AuthenticationPrincipal AccountPrincipal mentor, @PathVariable long learnerId,
			@PathVariable long skillId, Model model) {
		Skill skill = reviewedSkill(mentor, learnerId, skillId);
		this.decisions.keepClaim(mentor.id(), learnerId, skillId);
		return render(mentor, learnerId, skill, model);
	}

	@PostMapping(PATH + "/claim")
	View claim(@AuthenticationPrincipal AccountPrincipal mentor, @PathVariable long learnerId,
			@PathVariable long skillId, RedirectAttributes redirect, OnRefusal onRefusal) {
		Skill skill = reviewedSkill(mentor, learnerId, skillId);
		onRefusal.seeOther(ReviewException.class, reviewPath(learnerId, skillId), "mentor.flash.notWaiting");
		Claim claim = this.decisions.claim(mentor.id(), learnerId, skillId);
		if (claim.heldBy(mentor.id())) {
			return SeeOther.to(reviewPath(learnerId, skillId), redirect, "mentor.flash.claimed", skill.title());
		}
		return SeeOther.to(reviewPath(learnerId, skillId), redirect, "mentor.flash.claimedByOther", claim.mentorName());
	}

	@PostMapping(PATH + "/release")
	View release(@AuthenticationPrincipal AccountPrincipal mentor, @PathVariable long learnerId,
			@PathVariable long skillId, RedirectAttributes redirect) {
		Skill skill = reviewedSkill(mentor, learnerId, skillId);
		this.decisions.release(mentor.id(), learnerId, skillId);
		return SeeOther.to("/mentor", redirect, "mentor.flash.released", skill.title());
	}

	/**
	 * Approves the iteration the page showed ({@code iteration}, a hidden field), with an
	 * optional comment.
	 */
	@PostMapping(PATH + "/approve")
	View approve(@AuthenticationPrincipal AccountPrincipal mentor, @PathVariable long learnerId,
			@PathVariable long skillId, @RequestParam(required = false) Integer iteration,
			@RequestParam(required = false) String comment, Model model, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		Skill skill = reviewedSkill(mentor, learnerId, skillId);
		onRefusal.seeOther(ClaimRequiredException.class, reviewPath(learnerId, skillId), "mentor.flash.claimFirst");
		showErrors(onRefusal, mentor, learnerId, skill, "approve", comment, model);
		this.decisions.approve(mentor.id(), learnerId, skill, shown(iteration), comment);
		return SeeOther.to("/mentor", redirect, "mentor.flash.approved", skill.title());
	}

	/**
	 * Asks for changes to the iteration the page showed, saying what in a comment.
	 */
	@PostMapping(PATH + "/changes")
	View requestChanges(@AuthenticationPrincipal AccountPrincipal mentor, @PathVariable long learnerId,
			@PathVariable long skillId, @RequestParam(required = false) Integer iteration,
			@RequestParam(required = false) String comment, Model model, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		Skill skill = reviewedSkill(mentor, learnerId, skillId);
		onRefusal.seeOther(ClaimRequiredException.class, reviewPath(learnerId, skillId), "mentor.flash.claimFirst");
		showErrors(onRefusal, mentor, learnerId, skill, "changes", comment, model);
		this.decisions.requestChanges(mentor.id(), learnerId, skill, shown(iteration), comment);
		return SeeOther.to("/mentor", redirect, "mentor.flash.changesRequested", skill.title());
	}

	/**
	 * The iteration a decision was made on; a form without one names none, and its
	 * decision is refused as made on an earlier iteration.
	 */
	private static int shown(Integer iteration) {
		return (iteration != null) ? iteration : 0;
	}

	@PostMapping(PATH + "/comments")
	View comment(@AuthenticationPrincipal AccountPrincipal mentor, @PathVariable long learnerId,
			@PathVariable long skillId, @RequestParam(required = false) String comment, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		Skill skill = reviewedSkill(mentor, learnerId, skillId);
		showErrors(onRefusal, mentor, learnerId, skill, "comment", comment, model);
		this.decisions.comment(mentor.id(), learnerId, skill, comment);
		return SeeOther.to(reviewPath(learnerId, skillId), redirect, "mentor.flash.commented", skill.title());
	}

	private String render(AccountPrincipal mentor, long learnerId, Skill skill, Model model) {
		SkillReview review = this.reviews.reviewOf(learnerId, skill.id());
		Optional<Claim> claim = this.decisions.claimOf(learnerId, skill.id());
		// Not "learner": the learner page's "learner" is a CohortMember, and Thymeleaf
		// shares a compiled expression between pages by its text
		// (PagesThrowNothingIntegrationTests).
		model.addAttribute("reviewee", this.accounts.findById(learnerId).orElseThrow(MentorController::notFound));
		model.addAttribute("skill", skill);
		model.addAttribute("stage", this.roadmap.stage(skill.stageSlug()).orElseThrow(MentorController::notFound));
		model.addAttribute("review", review);
		model.addAttribute("claim", claim.orElse(null));
		model.addAttribute("claimedByMe", claim.map((c) -> c.heldBy(mentor.id())).orElse(false));
		return "mentor/review";
	}

	/**
	 * A refused decision or comment shows the review page again, with the problems and
	 * the comment typed, in the form that sent it.
	 * @param form which form the problems are for: {@code "approve"}, {@code "changes"}
	 * or {@code "comment"}
	 */
	private void showErrors(OnRefusal onRefusal, AccountPrincipal mentor, long learnerId, Skill skill, String form,
			String comment, Model model) {
		onRefusal.show((refusal) -> {
			model.addAttribute("errors", refusal.problems());
			model.addAttribute("refusedForm", form);
			model.addAttribute("commentDraft", comment);
			return render(mentor, learnerId, skill, model);
		});
	}

	/**
	 * The skill under review, if the mentor may see this learner and a review exists; any
	 * other combination is not found.
	 */
	private Skill reviewedSkill(AccountPrincipal mentor, long learnerId, long skillId) {
		if (!this.cohorts.isMentorOf(mentor.id(), learnerId)) {
			throw MentorController.notFound();
		}
		Skill skill = this.roadmap.skill(skillId).orElseThrow(MentorController::notFound);
		if (this.reviews.reviewOf(learnerId, skillId).state() == ReviewState.NONE) {
			throw MentorController.notFound();
		}
		return skill;
	}

	private static String reviewPath(long learnerId, long skillId) {
		return "/mentor/reviews/" + learnerId + "/" + skillId;
	}

}
