package dev.roadmap.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;

/**
 * While the database cannot be reached, answers the site's 503 page at once, also when
 * the failure comes before any controller: Spring Session reads a session in its filter,
 * and an error there would otherwise end as a 500 from the container (and the error
 * page's own dispatch would read the session again). It sits outside the session and
 * security filters, so the page it renders needs neither: its header is a visitor's. How
 * long a request waits for the database before this happens is the pool's connection
 * timeout (application.properties).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseOutage extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseOutage.class);

	private final ThymeleafViewResolver views;

	DatabaseOutage(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * Whether {@code ex} says the database could not be reached (so the request is worth
	 * retrying), rather than that something is wrong with the request or the code.
	 */
	static boolean isCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			// SQL state class 08: a connection exception; and the pool's own error for a
			// connection it closed as broken, which has no state (a rollback after a lost
			// connection fails with it, and hides the first error)
			if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
					|| "Connection is closed".equals(sql.getMessage()))) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!isCause(ex) || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getMessage());
			showUnavailable(request, response);
		}
	}

	private void showUnavailable(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "5");
		response.setHeader("Cache-Control", "no-store");
		try {
			Map<String, Object> model = new HashMap<>();
			model.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			model.put(RequestIdFilter.ATTRIBUTE, request.getAttribute(RequestIdFilter.ATTRIBUTE));
			View page = this.views.resolveViewName("error", request.getLocale());
			page.render(model, request, response);
		}
		catch (Exception renderFailed) {
			throw new ServletException("Could not render the 503 page", renderFailed);
		}
	}

}
