package dev.roadmap.admin.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.notification.WebhookEndpoint;
import dev.roadmap.notification.WebhookEvent;
import dev.roadmap.notification.WebhookService;
import dev.roadmap.shared.OnRefusal;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhook endpoints: list and register them; for one, its secret, its delivery log, a
 * test event, pause and resume, and removal behind a confirmation. A refused form is
 * shown again (400) with its messages; nothing is changed then.
 */
@Controller
class WebhookAdminController {

	static final int DELIVERIES_PER_PAGE = 25;

	private final WebhookService webhooks;

	private final CohortService cohorts;

	WebhookAdminController(WebhookService webhooks, CohortService cohorts) {
		this.webhooks = webhooks;
		this.cohorts = cohorts;
	}

	@InitBinder("webhookForm")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("url", "description", "cohort", "events");
	}

	@GetMapping("/admin/webhooks")
	String list(Model model) {
		model.addAttribute("webhookForm", WebhookForm.empty());
		return list(model, "admin/webhooks");
	}

	@PostMapping("/admin/webhooks")
	ModelAndView create(@ModelAttribute("webhookForm") WebhookForm form, BindingResult result, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		if (result.hasErrors()) {
			return Redirects.badRequest(list(model, "admin/webhooks"));
		}
		onRefusal.show((refusal) -> {
			refusal.problems().forEach((field, key) -> result.rejectValue(field, key, refusal.arguments(), null));
			return list(model, "admin/webhooks");
		});
		WebhookEndpoint endpoint = this.webhooks.create(form.url(), form.description(), form.cohortId(),
				form.chosenEvents());
		return Redirects.seeOther(path(endpoint.id()), redirect, "admin.flash.webhookCreated", endpoint.url());
	}

	@GetMapping("/admin/webhooks/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
		WebhookEndpoint endpoint = endpoint(id);
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("scope", scopeOf(endpoint));
		model.addAttribute("webhookEvents", WebhookEvent.values());
		model.addAttribute("deliveries", this.webhooks.deliveries(id, page, DELIVERIES_PER_PAGE));
		return "admin/webhook";
	}

	@PostMapping("/admin/webhooks/{id}/test")
	ModelAndView sendTest(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal admin,
			RedirectAttributes redirect) {
		if (!this.webhooks.sendTest(id, admin.displayName())) {
			throw notFound();
		}
		return Redirects.seeOther(path(id) + "#deliveries", redirect, "admin.flash.webhookTestQueued");
	}

	@PostMapping("/admin/webhooks/{id}/active")
	ModelAndView setActive(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes redirect) {
		if (!this.webhooks.setActive(id, active)) {
			throw notFound();
		}
		return Redirects.seeOther(path(id), redirect,
				active ? "admin.flash.webhookResumed" : "admin.flash.webhookPaused");
	}

	@PostMapping("/admin/webhooks/{id}/delete")
	ModelAndView delete(@PathVariable long id, RedirectAttributes redirect) {
		WebhookEndpoint endpoint = endpoint(id);
		this.webhooks.delete(id);
		return Redirects.seeOther("/admin/webhooks", redirect, "admin.flash.webhookDeleted", endpoint.url());
	}

	private String list(Model model, String template) {
		List<Cohort> all = this.cohorts.cohorts();
		Map<Long, String> names = all.stream().collect(Collectors.toMap(Cohort::id, Cohort::name));
		model.addAttribute("endpoints", this.webhooks.endpoints());
		model.addAttribute("cohortNames", names);
		model.addAttribute("cohortChoices", all.stream().filter((cohort) -> !cohort.archived()).toList());
		model.addAttribute("webhookEvents", WebhookEvent.values());
		return template;
	}

	/**
	 * The cohort's name, or null for an endpoint of the whole site.
	 */
	private String scopeOf(WebhookEndpoint endpoint) {
		return (endpoint.cohortId() != null) ? this.cohorts.cohort(endpoint.cohortId()).map(Cohort::name).orElse(null)
				: null;
	}

	private WebhookEndpoint endpoint(long id) {
		return this.webhooks.endpoint(id).orElseThrow(WebhookAdminController::notFound);
	}

	private static String path(long id) {
		return "/admin/webhooks/" + id;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such webhook endpoint");
	}

}
