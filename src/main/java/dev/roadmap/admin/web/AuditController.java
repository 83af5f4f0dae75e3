package dev.roadmap.admin.web;

import dev.roadmap.admin.AuditEntry;
import dev.roadmap.admin.AuditLog;
import dev.roadmap.shared.PageOf;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, newest first.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		PageOf<AuditEntry> result = this.audit.page(page, PAGE_SIZE);
		model.addAttribute("result", result);
		return "admin/audit";
	}

}
