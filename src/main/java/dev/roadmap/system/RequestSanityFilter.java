package dev.roadmap.system;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else looks at them, requests no form of the site can send:
 * bodies larger than any form needs (413, instead of the container silently dropping the
 * fields), and parameters holding a NUL character (400: PostgreSQL cannot store one in
 * text, and no person types it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSanityFilter extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSanityFilter(RequestLimits limits) {
		this.maxBytes = limits.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		if (hasNulCharacter(request)) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasNulCharacter(HttpServletRequest request) {
		return request.getParameterMap()
			.entrySet()
			.stream()
			.anyMatch((entry) -> entry.getKey().indexOf('\0') >= 0
					|| Arrays.stream(entry.getValue()).anyMatch((value) -> value.indexOf('\0') >= 0));
	}

}
