package dev.roadmap.account.registration;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.PasswordPolicy;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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

	private final UserDetailsService userDetails;

	private final PasswordPolicy passwordPolicy;

	// The same places Spring Security's own login saves to: this request, then the
	// session.
	private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	RegistrationController(AccountService accounts, UserDetailsService userDetails, PasswordPolicy passwordPolicy) {
		this.accounts = accounts;
		this.userDetails = userDetails;
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
		logIn(account, request, response);
		return new ModelAndView(SeeOther.to("/", redirect, "flash.registered"));
	}

	private void logIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		// A new session id on login, as form login does, so a planted session id is
		// worthless.
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		UserDetails principal = this.userDetails.loadUserByUsername(account.email());
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}

}
