package dev.roadmap.account.core;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps the logged-in user's session in step with their account: after a change of name
 * or address the session's principal is replaced (the header shows the new name, the
 * session is indexed by the new address), and after deleting the account or resetting a
 * password the session ends.
 */
public final class SignedInUser {

	// The same places Spring Security's own login saves to: this request, then the
	// session.
	private static final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private static final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private SignedInUser() {
	}

	/**
	 * Replaces the session's principal with the account as it is now.
	 * @param newSessionId whether to give the session a new id too (after a change of
	 * credentials)
	 */
	public static void refresh(Account account, boolean newSessionId, HttpServletRequest request,
			HttpServletResponse response) {
		if (newSessionId && request.getSession(false) != null) {
			request.changeSessionId();
		}
		AccountPrincipal principal = new AccountPrincipal(account, null);
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		SecurityContext context = contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		contextHolder.setContext(context);
		contextRepository.saveContext(context, request, response);
	}

	/**
	 * The current session's id, if there is a session.
	 */
	public static String sessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : null;
	}

	/**
	 * Logs out of this session: invalidates it and forgets the authentication. A flash
	 * message added afterwards lands in a new, anonymous session.
	 */
	public static void logOut(HttpServletRequest request, HttpServletResponse response) {
		new SecurityContextLogoutHandler().logout(request, response, contextHolder.getContext().getAuthentication());
	}

}
