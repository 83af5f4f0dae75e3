package dev.roadmap.account.settings;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountSessions;
import dev.roadmap.account.rememberme.HashedTokenRememberMeServices;
import dev.roadmap.shared.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "Log out everywhere": ends every session of the user, on every instance and device,
 * this one included, and forgets every browser kept logged in.
 */
@Controller
class SessionsController {

	private final AccountSessions sessions;

	private final HashedTokenRememberMeServices rememberMe;

	private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

	SessionsController(AccountSessions sessions, HashedTokenRememberMeServices rememberMe) {
		this.sessions = sessions;
		this.rememberMe = rememberMe;
	}

	@PostMapping("/account/logout-everywhere")
	RedirectView logOutEverywhere(@AuthenticationPrincipal AccountPrincipal user, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		this.sessions.logOutEverywhere(user.id());
		// This session is gone from the database already; end it in this request too, so
		// it is not saved again, and drop this browser's remember-me cookie.
		this.rememberMe.logout(request, response, authentication);
		this.logout.logout(request, response, authentication);
		return SeeOther.to("/login?loggedOutEverywhere");
	}

}
