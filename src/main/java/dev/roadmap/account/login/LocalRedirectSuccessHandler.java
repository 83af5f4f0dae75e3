package dev.roadmap.account.login;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After login, goes back to the page that asked for it, or to the home page; always on
 * this site. Only the path and query of the saved request are used (its host came from
 * the request's {@code Host} header, which a client chooses), anything that is not a
 * plain local path ({@code //host}, {@code /\host}, a scheme) falls back to the home
 * page, and no request parameter (such as {@code ?continue=https://...}) is ever a
 * target.
 */
class LocalRedirectSuccessHandler implements AuthenticationSuccessHandler {

	private final RequestCache requestCache = new HttpSessionRequestCache();

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		}
		String target = (saved != null) ? localTarget(saved.getRedirectUrl()) : null;
		if (target == null) {
			target = request.getContextPath() + "/";
		}
		response.sendRedirect(response.encodeRedirectURL(target));
	}

	/**
	 * The path and query of the URL if its path is a plain local one, else {@code null}.
	 */
	static String localTarget(String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
				return null;
			}
			return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
