package dev.roadmap.account.tokens;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.roadmap.account.AccessTokenException;
import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.IssuedToken;
import dev.roadmap.account.TokenScope;
import dev.roadmap.account.settings.AccountSettingsPage;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.SeeOther;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page's token forms: make a token (shown once, after the redirect, from the
 * flash attributes) and revoke one. Both act only on the signed-in user's own tokens.
 */
@Controller
class TokenController {

	static final String SECTION = "/account#tokens";

	private final AccessTokenService tokens;

	private final AccountSettingsPage accountPage;

	TokenController(AccessTokenService tokens, AccountSettingsPage accountPage) {
		this.tokens = tokens;
		this.accountPage = accountPage;
	}

	@InitBinder("tokenForm")
	void tokenFields(WebDataBinder binder) {
		binder.setAllowedFields("name", "expiresInDays", "scopes");
	}

	@PostMapping("/account/tokens")
	ModelAndView issue(@AuthenticationPrincipal AccountPrincipal me, @ModelAttribute("tokenForm") TokenForm form,
			BindingResult result, Model model, RedirectAttributes redirect, OnRefusal onRefusal) {
		if (result.getTarget() == null) {
			// A lifetime that is not a number: show the form as sent, with the error.
			model.addAttribute("tokenForm", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "tokenForm", result);
		}
		if (result.hasErrors()) {
			return this.accountPage.invalid(me, model);
		}
		onRefusal.show(() -> this.accountPage.invalid(me, model));
		IssuedToken issued = this.tokens.issue(me, form.name(), Objects.requireNonNullElse(form.expiresInDays(), 0),
				scopes(form.scopes()));
		redirect.addFlashAttribute("issuedToken", issued);
		return new ModelAndView(SeeOther.to(SECTION, redirect, "flash.tokens.issued", issued.name()));
	}

	/**
	 * Revokes the token, if it is the user's: someone else's token id answers as an
	 * unknown one does, so nobody learns which ids exist.
	 */
	@PostMapping("/account/tokens/{id}/revoke")
	ModelAndView revoke(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
			RedirectAttributes redirect) {
		boolean revoked = this.tokens.revoke(me.id(), id);
		return new ModelAndView(
				SeeOther.to(SECTION, redirect, revoked ? "flash.tokens.revoked" : "flash.tokens.alreadyGone"));
	}

	private static Set<TokenScope> scopes(List<String> values) {
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		for (String value : (values != null) ? values : List.<String>of()) {
			scopes
				.add(TokenScope.of(value).orElseThrow(() -> new AccessTokenException("scopes", "tokens.scopeUnknown")));
		}
		return scopes;
	}

}
