package dev.roadmap.account.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountSessions;
import dev.roadmap.account.core.SignedInUser;
import dev.roadmap.account.settings.AccountForms.DeleteAccountForm;
import dev.roadmap.account.settings.AccountForms.DisplayNameForm;
import dev.roadmap.account.settings.AccountForms.EmailForm;
import dev.roadmap.account.settings.AccountForms.PasswordChangeForm;
import dev.roadmap.account.settings.AccountForms.TimeZoneForm;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page: one small form per change, each posting to its own address and
 * redirecting back with a message, or showing the page again (400) with the form's errors
 * and nothing changed. Also the data export and account deletion. Other features add
 * their own parts of the page ({@link AccountPageSection}).
 */
@Controller
@RequestMapping("/account")
class AccountController {

	static final String EXPORT_FILE_NAME = "backend-roadmap-export.json";

	private final AccountSettings settings;

	private final AccountExport export;

	private final AccountSessions sessions;

	private final AccountSettingsPage accountPage;

	AccountController(AccountSettings settings, AccountExport export, AccountSessions sessions,
			AccountSettingsPage accountPage) {
		this.settings = settings;
		this.export = export;
		this.sessions = sessions;
		this.accountPage = accountPage;
	}

	@InitBinder("nameForm")
	void nameFields(WebDataBinder binder) {
		binder.setAllowedFields("displayName");
	}

	@InitBinder("emailForm")
	void emailFields(WebDataBinder binder) {
		binder.setAllowedFields("email", "currentPassword");
	}

	@InitBinder("timeZoneForm")
	void timeZoneFields(WebDataBinder binder) {
		binder.setAllowedFields("timeZone");
	}

	@InitBinder("passwordForm")
	void passwordFields(WebDataBinder binder) {
		binder.setAllowedFields("currentPassword", "newPassword");
	}

	@InitBinder("deleteForm")
	void deleteFields(WebDataBinder binder) {
		binder.setAllowedFields("currentPassword", "confirmation");
	}

	@GetMapping
	String page(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		this.accountPage.addTo(me, model);
		return AccountSettingsPage.VIEW;
	}

	@PostMapping("/name")
	ModelAndView changeName(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("nameForm") DisplayNameForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		if (result.hasErrors()) {
			return this.accountPage.invalid(me, model);
		}
		onRefusal.show(() -> this.accountPage.invalid(me, model));
		SignedInUser.refresh(this.settings.changeDisplayName(me.id(), form.displayName()), false, request, response);
		return AccountSettingsPage.done(redirect, "flash.account.nameChanged");
	}

	@PostMapping("/email")
	ModelAndView changeEmail(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		if (result.hasErrors()) {
			return this.accountPage.invalid(me, model);
		}
		onRefusal.show(() -> this.accountPage.invalid(me, model));
		Account account = this.settings.changeEmail(me.id(), form.currentPassword(), form.email());
		// Sessions elsewhere were opened with the old address: they end. (Before this
		// session gets its new id, which the stored sessions do not know yet.)
		this.sessions.endOtherLogins(me.id(), me.getUsername(), SignedInUser.sessionId(request));
		SignedInUser.refresh(account, true, request, response);
		return AccountSettingsPage.done(redirect, "flash.account.emailChanged");
	}

	@PostMapping("/time-zone")
	ModelAndView changeTimeZone(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("timeZoneForm") TimeZoneForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		if (result.hasErrors()) {
			return this.accountPage.invalid(me, model);
		}
		onRefusal.show(() -> this.accountPage.invalid(me, model));
		// The session's principal carries the zone, which pages count days in.
		SignedInUser.refresh(this.settings.changeTimeZone(me.id(), form.timeZone()), false, request, response);
		return AccountSettingsPage.done(redirect, "flash.account.timeZoneChanged");
	}

	@PostMapping("/password")
	ModelAndView changePassword(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		if (result.hasErrors()) {
			return this.accountPage.invalid(me, model);
		}
		onRefusal.show(() -> this.accountPage.invalid(me, model));
		Account account = this.settings.changePassword(me.id(), form.currentPassword(), form.newPassword());
		// Whoever knew the old password is logged out everywhere else.
		this.sessions.endOtherLogins(account.id(), account.email(), SignedInUser.sessionId(request));
		SignedInUser.refresh(account, true, request, response);
		return AccountSettingsPage.done(redirect, "flash.account.passwordChanged");
	}

	@PostMapping("/delete")
	ModelAndView delete(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @ModelAttribute("deleteForm") DeleteAccountForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		if (result.hasErrors()) {
			return this.accountPage.invalid(me, model);
		}
		onRefusal.show(() -> this.accountPage.invalid(me, model));
		Account before = this.settings.delete(me.id(), form.currentPassword(), form.confirmation());
		SignedInUser.logOut(request, response);
		this.sessions.endOtherLogins(before.id(), before.email(), null);
		return new ModelAndView(SeeOther.to("/", redirect, "flash.account.deleted"));
	}

	/**
	 * Everything the app keeps about the user, as a JSON file to download.
	 */
	@GetMapping("/export")
	void export(@AuthenticationPrincipal AccountPrincipal me, HttpServletResponse response) throws IOException {
		response.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(EXPORT_FILE_NAME).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// Streamed: the file is written while it is read, however long the history.
		this.export.writeTo(me.id(), response.getOutputStream());
	}

}
