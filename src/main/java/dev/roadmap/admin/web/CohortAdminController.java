package dev.roadmap.admin.web;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.admin.Actor;
import dev.roadmap.admin.internal.CohortAdministration;
import dev.roadmap.admin.internal.MemberChange;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.progress.review.ReviewWorkload;
import dev.roadmap.shared.OnRefusal;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cohorts: list and create them; rename, archive and restore one; enrol and remove its
 * learners; assign and unassign its mentors. A form with errors is shown again (400) with
 * its messages; nothing is changed then.
 */
@Controller
class CohortAdminController {

	private static final String NOT_FOUND = "cohort.notFound";

	private final CohortService cohorts;

	private final CohortAdministration administration;

	private final ReviewWorkload workload;

	CohortAdminController(CohortService cohorts, CohortAdministration administration, ReviewWorkload workload) {
		this.cohorts = cohorts;
		this.administration = administration;
		this.workload = workload;
	}

	@InitBinder({ "createForm", "renameForm" })
	void allowName(WebDataBinder binder) {
		binder.setAllowedFields("name");
	}

	@InitBinder({ "enrolForm", "mentorForm" })
	void allowEmail(WebDataBinder binder) {
		binder.setAllowedFields("email");
	}

	@GetMapping("/admin/cohorts")
	String list(Model model) {
		model.addAttribute("createForm", CohortNameForm.empty());
		return list(model, "admin/cohorts");
	}

	@PostMapping("/admin/cohorts")
	ModelAndView create(@Valid @ModelAttribute("createForm") CohortNameForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal admin, Model model, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		if (result.hasErrors()) {
			return Redirects.badRequest(list(model, "admin/cohorts"));
		}
		showAgain(onRefusal, result, "name", () -> list(model, "admin/cohorts"));
		Cohort cohort = this.administration.create(Actor.of(admin), form.name());
		return Redirects.seeOther("/admin/cohorts/" + cohort.id(), redirect, "admin.flash.cohortCreated",
				cohort.name());
	}

	@GetMapping("/admin/cohorts/{id}")
	String show(@PathVariable long id, Model model) {
		return show(cohort(id), model);
	}

	@PostMapping("/admin/cohorts/{id}/name")
	ModelAndView rename(@PathVariable long id, @Valid @ModelAttribute("renameForm") CohortNameForm form,
			BindingResult result, @AuthenticationPrincipal AccountPrincipal admin, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		Cohort before = cohort(id);
		if (result.hasErrors()) {
			return Redirects.badRequest(show(before, model));
		}
		showAgain(onRefusal, result, "name", () -> show(before, model));
		Cohort after = this.administration.rename(Actor.of(admin), id, form.name());
		boolean changed = !after.name().equals(before.name());
		return Redirects.seeOther(path(id), redirect,
				changed ? "admin.flash.cohortRenamed" : "admin.flash.cohortNameUnchanged", after.name());
	}

	@GetMapping("/admin/cohorts/{id}/archive")
	String confirmArchive(@PathVariable long id, Model model) {
		Cohort cohort = cohort(id);
		model.addAttribute("cohort", cohort);
		return "admin/cohort-archive";
	}

	@PostMapping("/admin/cohorts/{id}/archive")
	ModelAndView archive(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		return setArchived(id, true, admin, redirect, onRefusal);
	}

	@PostMapping("/admin/cohorts/{id}/restore")
	ModelAndView restore(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		return setArchived(id, false, admin, redirect, onRefusal);
	}

	@PostMapping("/admin/cohorts/{id}/learners")
	ModelAndView enrol(@PathVariable long id, @Valid @ModelAttribute("enrolForm") MemberForm form, BindingResult result,
			@AuthenticationPrincipal AccountPrincipal admin, Model model, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		return addMember(id, form, result, model, redirect, onRefusal,
				(email) -> this.administration.enrol(Actor.of(admin), id, email), "learners",
				"admin.flash.learnerEnrolled", "admin.flash.learnerAlreadyEnrolled");
	}

	@PostMapping("/admin/cohorts/{id}/learners/{userId}/remove")
	ModelAndView unenrol(@PathVariable long id, @PathVariable long userId,
			@AuthenticationPrincipal AccountPrincipal admin, RedirectAttributes redirect, OnRefusal onRefusal) {
		notFoundIfRefused(onRefusal);
		MemberChange change = this.administration.unenrol(Actor.of(admin), id, userId);
		return Redirects.seeOther(path(id) + "#learners", redirect,
				change.changed() ? "admin.flash.learnerRemoved" : "admin.flash.learnerNotEnrolled", change.email());
	}

	@PostMapping("/admin/cohorts/{id}/mentors")
	ModelAndView assignMentor(@PathVariable long id, @Valid @ModelAttribute("mentorForm") MemberForm form,
			BindingResult result, @AuthenticationPrincipal AccountPrincipal admin, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		return addMember(id, form, result, model, redirect, onRefusal,
				(email) -> this.administration.assignMentor(Actor.of(admin), id, email), "mentors",
				"admin.flash.mentorAssigned", "admin.flash.mentorAlreadyAssigned");
	}

	@PostMapping("/admin/cohorts/{id}/mentors/{userId}/remove")
	ModelAndView unassignMentor(@PathVariable long id, @PathVariable long userId,
			@AuthenticationPrincipal AccountPrincipal admin, RedirectAttributes redirect, OnRefusal onRefusal) {
		notFoundIfRefused(onRefusal);
		MemberChange change = this.administration.unassignMentor(Actor.of(admin), id, userId);
		return Redirects.seeOther(path(id) + "#mentors", redirect,
				change.changed() ? "admin.flash.mentorUnassigned" : "admin.flash.mentorNotAssigned", change.email());
	}

	private ModelAndView setArchived(long id, boolean archived, AccountPrincipal admin, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		Cohort cohort = cohort(id);
		notFoundIfRefused(onRefusal);
		boolean changed = this.administration.setArchived(Actor.of(admin), id, archived);
		String key = archived ? (changed ? "admin.flash.cohortArchived" : "admin.flash.cohortAlreadyArchived")
				: (changed ? "admin.flash.cohortRestored" : "admin.flash.cohortAlreadyActive");
		return Redirects.seeOther(path(id), redirect, key, cohort.name());
	}

	private ModelAndView addMember(long id, MemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal, Function<String, MemberChange> action, String section,
			String added, String already) {
		Cohort cohort = cohort(id);
		if (result.hasErrors()) {
			return Redirects.badRequest(show(cohort, model));
		}
		showAgain(onRefusal, result, "email", () -> show(cohort, model));
		MemberChange change = action.apply(form.email());
		return Redirects.seeOther(path(id) + "#" + section, redirect, change.changed() ? added : already,
				change.email(), cohort.name());
	}

	/**
	 * A refused form is shown again (400) with the refusal as the error of its one field:
	 * mentoring and the admin services name no field, since the cohort's name or member
	 * is what they refuse. A cohort that is gone meanwhile is not found.
	 */
	private static void showAgain(OnRefusal onRefusal, BindingResult result, String field, Supplier<String> page) {
		onRefusal.show((refusal) -> {
			if (NOT_FOUND.equals(refusal.messageKey())) {
				throw notFound();
			}
			result.rejectValue(field, refusal.messageKey());
			return page.get();
		});
	}

	/**
	 * For actions without a form, the only refusal is that the cohort is gone.
	 */
	private static void notFoundIfRefused(OnRefusal onRefusal) {
		onRefusal.show(() -> {
			throw notFound();
		});
	}

	private String list(Model model, String template) {
		model.addAttribute("cohorts", this.cohorts.cohorts());
		return template;
	}

	private String show(Cohort cohort, Model model) {
		model.addAttribute("cohort", cohort);
		model.addAttribute("learners", this.cohorts.learnersOf(cohort.id()));
		model.addAttribute("mentors", this.cohorts.mentorsOf(cohort.id()));
		model.addAttribute("workload", this.workload.ofCohort(cohort.id()));
		model.addAttribute("workloadDays", ReviewWorkload.WINDOW.toDays());
		if (!model.containsAttribute("renameForm")) {
			model.addAttribute("renameForm", new CohortNameForm(cohort.name()));
		}
		if (!model.containsAttribute("enrolForm")) {
			model.addAttribute("enrolForm", MemberForm.empty());
		}
		if (!model.containsAttribute("mentorForm")) {
			model.addAttribute("mentorForm", MemberForm.empty());
		}
		return "admin/cohort";
	}

	private Cohort cohort(long id) {
		return this.cohorts.cohort(id).orElseThrow(CohortAdminController::notFound);
	}

	private static String path(long id) {
		return "/admin/cohorts/" + id;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such cohort");
	}

}
