package dev.roadmap.account.registration;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.PasswordPolicy;
import dev.roadmap.account.core.SignedInUser;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up: creates a learner account and logs the new learner in.
 */
@Controller
class RegistrationController {

	private final AccountService accounts;

	private final PasswordPolicy passwordPolicy;

	RegistrationController(AccountService accounts, PasswordPolicy passwordPolicy) {
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
	}

	@InitBinder("form")
	void allowFields(WebDataBinder binder) {
		binder.setAllowedFields("email", "displayName", "password");
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return "account/register";
	}

	@PostMapping("/register")
	ModelAndView register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		if (form.password() != null) {
			this.passwordPolicy.violation(form.password())
				.ifPresent((problem) -> result.rejectValue("password", problem));
		}
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return new ModelAndView("account/register");
		}
		onRefusal.show(() -> "account/register");
		Account account = this.accounts.register(form.email(), form.displayName(), form.password());
		// A new session id, as form login gives, so a planted session id is worthless;
		// and
		// a principal without the password hash, which the session store would keep.
		SignedInUser.refresh(account, true, request, response);
		return new ModelAndView(SeeOther.to("/", redirect, "flash.registered"));
	}

}
