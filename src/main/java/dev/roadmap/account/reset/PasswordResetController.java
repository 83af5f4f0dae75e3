package dev.roadmap.account.reset;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountSessions;
import dev.roadmap.account.core.SignedInUser;
import dev.roadmap.account.reset.PasswordResetForms.NewPasswordForm;
import dev.roadmap.account.reset.PasswordResetForms.PasswordResetRequestForm;
import dev.roadmap.account.reset.PasswordResetService.InvalidResetTokenException;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot your password?": asking for a reset link, and setting a new password with it.
 * Open to everyone. A request is answered the same way whether or not the address has an
 * account; a link that cannot be used (never issued, used, expired) gets one clear page,
 * whatever the reason, and changes nothing.
 */
@Controller
@RequestMapping("/password-reset")
class PasswordResetController {

	private final PasswordResetService resets;

	private final AccountSessions sessions;

	PasswordResetController(PasswordResetService resets, AccountSessions sessions) {
		this.resets = resets;
		this.sessions = sessions;
	}

	@InitBinder("requestForm")
	void requestFields(WebDataBinder binder) {
		binder.setAllowedFields("email");
	}

	@InitBinder("passwordForm")
	void passwordFields(WebDataBinder binder) {
		binder.setAllowedFields("password");
	}

	@GetMapping
	String requestPage(Model model) {
		model.addAttribute("requestForm", new PasswordResetRequestForm(""));
		return "account/password-reset";
	}

	@PostMapping
	ModelAndView request(@Valid @ModelAttribute("requestForm") PasswordResetRequestForm form, BindingResult result) {
		if (result.hasErrors()) {
			return page("account/password-reset", HttpStatus.BAD_REQUEST);
		}
		this.resets.request(form.email());
		return new ModelAndView(SeeOther.to("/password-reset?sent"));
	}

	@GetMapping("/{token}")
	ModelAndView newPasswordPage(@PathVariable String token, Model model, HttpServletResponse response) {
		noReferrerNoStore(response);
		if (!this.resets.isValid(token)) {
			return page("account/password-reset-invalid", HttpStatus.GONE);
		}
		model.addAttribute("token", token);
		model.addAttribute("passwordForm", new NewPasswordForm(null));
		return page("account/password-reset-new", HttpStatus.OK);
	}

	@PostMapping("/{token}")
	ModelAndView setPassword(@PathVariable String token, @Valid @ModelAttribute("passwordForm") NewPasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect, OnRefusal onRefusal) {
		noReferrerNoStore(response);
		model.addAttribute("token", token);
		if (result.hasErrors()) {
			return newPasswordAgain(token);
		}
		onRefusal.show((refusal) -> (refusal instanceof InvalidResetTokenException)
				? page("account/password-reset-invalid", HttpStatus.GONE) : newPasswordAgain(token));
		Account account = this.resets.reset(token, form.password());
		// Every session of the account ends, this one too: log in with the new password.
		SignedInUser.logOut(request, response);
		this.sessions.endOtherLogins(account.id(), account.email(), null);
		return new ModelAndView(SeeOther.to("/login", redirect, "flash.passwordReset"));
	}

	/**
	 * The new password's form again (400) with its errors, unless the link has stopped
	 * working meanwhile.
	 */
	private ModelAndView newPasswordAgain(String token) {
		if (!this.resets.isValid(token)) {
			return page("account/password-reset-invalid", HttpStatus.GONE);
		}
		return page("account/password-reset-new", HttpStatus.BAD_REQUEST);
	}

	/**
	 * The token is in the address: it must not leak to other sites through the Referer
	 * header, nor stay in a cache.
	 */
	private static void noReferrerNoStore(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private static ModelAndView page(String view, HttpStatus status) {
		ModelAndView page = new ModelAndView(view);
		page.setStatus(status);
		return page;
	}

}
