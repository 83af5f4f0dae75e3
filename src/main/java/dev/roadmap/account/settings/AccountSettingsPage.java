package dev.roadmap.account.settings;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.settings.AccountForms.DeleteAccountForm;
import dev.roadmap.account.settings.AccountForms.DisplayNameForm;
import dev.roadmap.account.settings.AccountForms.EmailForm;
import dev.roadmap.account.settings.AccountForms.PasswordChangeForm;
import dev.roadmap.account.settings.AccountForms.TimeZoneForm;
import dev.roadmap.shared.SeeOther;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page, {@code account/index}: the settings' forms, filled from the account,
 * and every {@link AccountPageSection}. Each form posts to its own address, which answers
 * with {@link #done} or, with the form's errors and nothing changed, {@link #invalid}.
 */
@Component
public class AccountSettingsPage {

	static final String VIEW = "account/index";

	private final AccountSettings settings;

	private final ObjectProvider<AccountPageSection> sections;

	AccountSettingsPage(AccountSettings settings, ObjectProvider<AccountPageSection> sections) {
		this.settings = settings;
		this.sections = sections;
	}

	/**
	 * The page again (400), with the errors of the form that was sent.
	 */
	public ModelAndView invalid(AccountPrincipal me, Model model) {
		addTo(me, model);
		ModelAndView page = new ModelAndView(VIEW, model.asMap());
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	/**
	 * Back to the page (303), with the flash message saying what changed.
	 */
	public static ModelAndView done(RedirectAttributes redirect, String flash) {
		return new ModelAndView(SeeOther.to("/account", redirect, flash));
	}

	void addTo(AccountPrincipal me, Model model) {
		var profile = this.settings.profile(me.id());
		model.addAttribute("profile", profile);
		model.addAttribute("roles", profile.roles().stream().map(Enum::name).sorted().toList());
		model.addAttribute("timeZones", AccountSettings.timeZones());
		model.addAttribute("deleteConfirmation", AccountSettings.DELETE_CONFIRMATION);
		if (!model.containsAttribute("nameForm")) {
			model.addAttribute("nameForm", new DisplayNameForm(profile.displayName()));
		}
		if (!model.containsAttribute("emailForm")) {
			model.addAttribute("emailForm", new EmailForm(profile.email(), null));
		}
		if (!model.containsAttribute("timeZoneForm")) {
			model.addAttribute("timeZoneForm", new TimeZoneForm(profile.timeZone()));
		}
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordChangeForm(null, null));
		}
		if (!model.containsAttribute("deleteForm")) {
			model.addAttribute("deleteForm", new DeleteAccountForm(null, null));
		}
		this.sections.orderedStream().forEach((section) -> section.addTo(me, model));
	}

}
