package dev.roadmap.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resort for exceptions no other resolver handled: logs them once, with the
 * request id, and answers with the site's error page: 503 when the database cannot be
 * reached (worth retrying), 500 otherwise. The user never sees a stack trace.
 */
@Component
class UnhandledExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(UnhandledExceptionResolver.class);

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		try {
			if (DatabaseOutage.isCause(ex)) {
				logger.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
						ex.getMessage());
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			}
			else {
				logger.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
				response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			}
		}
		catch (IOException sendFailed) {
			logger.debug("Could not send the error page", sendFailed);
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
