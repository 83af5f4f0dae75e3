package dev.roadmap.account.publicpage;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.PublicPage;
import dev.roadmap.account.PublicPageService;
import dev.roadmap.account.settings.AccountSettingsPage;
import dev.roadmap.shared.OnRefusal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public progress page's form on the account page: redirects back with a message, or
 * shows the account page again (400) with the handle's error and nothing changed.
 */
@Controller
class PublicPageController {

	private final PublicPageService publicPages;

	private final AccountSettingsPage accountPage;

	PublicPageController(PublicPageService publicPages, AccountSettingsPage accountPage) {
		this.publicPages = publicPages;
		this.accountPage = accountPage;
	}

	@InitBinder("publicPageForm")
	void publicPageFields(WebDataBinder binder) {
		binder.setAllowedFields("enabled", "handle");
	}

	/**
	 * Turns the signed-in user's public page on or off: the only account it can act on is
	 * the one logged in, so there is no user id to send.
	 */
	@PostMapping("/account/public-page")
	ModelAndView changePublicPage(@AuthenticationPrincipal AccountPrincipal me,
			@ModelAttribute("publicPageForm") PublicPageForm form, BindingResult result, Model model,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		if (result.getTarget() == null) {
			// The box sent something other than "true": Spring keeps no form to show
			// again, so show the one built from the other fields, with the errors.
			model.addAttribute("publicPageForm", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "publicPageForm", result);
		}
		if (result.hasErrors()) {
			return this.accountPage.invalid(me, model);
		}
		onRefusal.show(() -> this.accountPage.invalid(me, model));
		PublicPage page = this.publicPages.setPublicPage(me.id(), form.on(), form.handle());
		return AccountSettingsPage.done(redirect,
				page.enabled() ? "flash.account.publicPageOn" : "flash.account.publicPageOff");
	}

}
