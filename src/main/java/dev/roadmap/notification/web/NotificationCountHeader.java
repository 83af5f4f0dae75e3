package dev.roadmap.notification.web;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.notification.NotificationService;
import dev.roadmap.shared.PageInterceptors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page a logged-in user sees the unread count that the layout shows in the
 * header, as {@code notificationCount}. Visitors, htmx requests (they swap a part of the
 * page, never the header), redirects and bodies written by the handler (JSON) get
 * nothing; and when the count cannot be read (the database is down), the page, often an
 * error page then, renders without it.
 * <p>
 * An interceptor rather than a {@code @ModelAttribute} method of a controller advice:
 * Spring MVC builds an advice's model method and resolves its arguments by reflection on
 * every request, which cost about 4 % of a learner page; this runs only for a page about
 * to render. It is ordered after the pages' read-only transaction
 * ({@code system.ReadOnlyPages}), so the count is read inside it.
 */
@Configuration(proxyBeanMethods = false)
class NotificationCountHeader implements WebMvcConfigurer {

	private final NotificationService notifications;

	NotificationCountHeader(NotificationService notifications) {
		this.notifications = notifications;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CountInterceptor(this.notifications))
			.order(PageInterceptors.INSIDE_READ_ONLY_TRANSACTION);
	}

	static final class CountInterceptor implements HandlerInterceptor {

		private static final Logger logger = LoggerFactory.getLogger(CountInterceptor.class);

		private final NotificationService notifications;

		CountInterceptor(NotificationService notifications) {
			this.notifications = notifications;
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView page) {
			AccountPrincipal user = signedIn();
			if (user == null || !rendersAPage(page) || "true".equals(request.getHeader("HX-Request"))) {
				return;
			}
			try {
				page.addObject("notificationCount", this.notifications.unreadCount(user.id()));
			}
			catch (DataAccessException ex) {
				logger.debug("No notification count for user {}", user.id(), ex);
			}
		}

		private static AccountPrincipal signedIn() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal user) ? user
					: null;
		}

		/**
		 * A view about to render: not a body the handler wrote itself (no model and view
		 * then), and not a redirect or a forward.
		 */
		private static boolean rendersAPage(ModelAndView page) {
			if (page == null || page.wasCleared()) {
				return false;
			}
			if (page.isReference()) {
				String name = page.getViewName();
				return name != null && !name.startsWith("redirect:") && !name.startsWith("forward:");
			}
			return !(page.getView() instanceof RedirectView);
		}

	}

}
