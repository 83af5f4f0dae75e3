package dev.roadmap.system;

import java.util.List;

import dev.roadmap.shared.PageInterceptors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads each of the pages that only show data in one read-only transaction, from the
 * layout's header (the unread count) to the last row, so a page is one consistent
 * snapshot and costs one transaction, whatever its parts ask for. The services the pages
 * call join it. Only GETs of the listed pages: some other GETs write on purpose (opening
 * a notification marks it read, viewing a review touches its claim).
 * <p>
 * The transaction ends before the view renders (the model holds plain records, and
 * open-in-view is off). It must: a rendered page that fills the response buffer commits
 * the response, and Spring Session then saves the session in a transaction of its own, on
 * a second connection; with every pooled connection held by a page waiting for a second
 * one, the pool would deadlock until its timeout.
 */
@Configuration(proxyBeanMethods = false)
class ReadOnlyPages implements WebMvcConfigurer {

	/**
	 * The pages read this way (DESIGN.md §5's statement budgets are tests over them).
	 */
	static final List<String> PAGES = List.of("/", "/stages/*", "/dashboard", "/u/*", "/mentor", "/mentor/learners/*",
			"/api/v1/me/progress", "/api/v1/me/history", "/api/v1/mentor/**");

	private final PlatformTransactionManager transactions;

	ReadOnlyPages(PlatformTransactionManager transactions) {
		this.transactions = transactions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReadOnlyTransaction(this.transactions))
			.addPathPatterns(PAGES)
			.order(PageInterceptors.READ_ONLY_TRANSACTION);
	}

	/**
	 * Begins the transaction before the handler (and its model attributes) and ends it
	 * once the view is rendered.
	 */
	private static final class ReadOnlyTransaction implements HandlerInterceptor {

		private static final String STATUS = ReadOnlyTransaction.class.getName() + ".status";

		private static final TransactionDefinition READ_ONLY;

		static {
			DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
			definition.setReadOnly(true);
			definition.setName("page");
			READ_ONLY = definition;
		}

		private final PlatformTransactionManager transactions;

		ReadOnlyTransaction(PlatformTransactionManager transactions) {
			this.transactions = transactions;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
				request.setAttribute(STATUS, this.transactions.getTransaction(READ_ONLY));
			}
			return true;
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView modelAndView) {
			end(request);
		}

		@Override
		public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			end(request);
		}

		private void end(HttpServletRequest request) {
			if (request.getAttribute(STATUS) instanceof TransactionStatus status) {
				request.removeAttribute(STATUS);
				// Nothing to keep: a read-only transaction ends the same way either way.
				this.transactions.rollback(status);
			}
		}

	}

}
