package dev.roadmap.admin.web;

import java.util.List;

import dev.roadmap.account.AccountService;
import dev.roadmap.admin.AuditLog;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin overview: where to go, and a few counts.
 */
@Controller
class AdminController {

	private final AccountService accounts;

	private final CohortService cohorts;

	private final AuditLog audit;

	AdminController(AccountService accounts, CohortService cohorts, AuditLog audit) {
		this.accounts = accounts;
		this.cohorts = cohorts;
		this.audit = audit;
	}

	@GetMapping("/admin")
	String overview(Model model) {
		List<Cohort> cohorts = this.cohorts.cohorts();
		model.addAttribute("counts", this.accounts.counts());
		model.addAttribute("activeCohorts", cohorts.stream().filter((cohort) -> !cohort.archived()).count());
		model.addAttribute("archivedCohorts", cohorts.stream().filter(Cohort::archived).count());
		model.addAttribute("auditEntries", this.audit.count());
		return "admin/index";
	}

}
