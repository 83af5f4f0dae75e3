package dev.roadmap.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on error pages of requests that were refused before they reached
 * Spring Security's header filter (an oversized body, a URL the firewall rejects). That
 * filter skips the error dispatch, so this one writes the same headers there; a header
 * already set by the original request is kept.
 */
final class ErrorDispatchHeadersFilter extends OncePerRequestFilter {

	private final List<HeaderWriter> writers;

	ErrorDispatchHeadersFilter(String contentSecurityPolicy, ReferrerPolicy referrerPolicy) {
		this.writers = List.of(new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy),
				new XContentTypeOptionsHeaderWriter(), new ReferrerPolicyHeaderWriter(referrerPolicy),
				new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY), new HstsHeaderWriter(),
				new CacheControlHeadersWriter());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (HeaderWriter writer : this.writers) {
			writer.writeHeaders(request, response);
		}
		chain.doFilter(request, response);
	}

}
