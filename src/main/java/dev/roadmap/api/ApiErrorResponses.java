package dev.roadmap.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every error an API request gets a problem, also those answered before any
 * controller runs (a body over the size limit, a parameter with a NUL character, a
 * servlet container's refusal): under {@code /api/}, {@code sendError} writes the problem
 * of that status instead of dispatching to the pages' HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorResponses {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiProblemErrors() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new ProblemErrorsFilter());
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static final class ProblemErrorsFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				@Override
				public void sendError(int status) throws IOException {
					sendError(status, null);
				}

				@Override
				public void sendError(int status, String message) throws IOException {
					if (isCommitted()) {
						super.sendError(status, message);
						return;
					}
					resetBuffer();
					ApiProblem problem = ApiProblem.forStatus(status);
					ProblemResponses.write((HttpServletResponse) getResponse(), problem, problem.title() + ".", null);
					setStatus(status);
				}

			});
		}

	}

}
