package dev.roadmap.system;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the log lines it causes (MDC {@code requestId}), in the
 * {@code X-Request-Id} response header and on the error page, so a user's report can be
 * matched with the log. A well-formed id from a proxy in front is kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String ATTRIBUTE = "requestId";

	static final String HEADER = "X-Request-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private final SecureRandom random = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(ATTRIBUTE) instanceof String existing) ? existing : idFor(request);
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put(ATTRIBUTE, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(ATTRIBUTE);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error page is rendered in a dispatch of its own: keep the id in its log
		// lines.
		return false;
	}

	private String idFor(HttpServletRequest request) {
		String given = request.getHeader(HEADER);
		if (given != null && WELL_FORMED.matcher(given).matches()) {
			return given;
		}
		byte[] bytes = new byte[8];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
