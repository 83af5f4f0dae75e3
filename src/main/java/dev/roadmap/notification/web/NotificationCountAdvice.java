package dev.roadmap.notification.web;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.notification.NotificationService;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every page of a logged-in user the unread count that the layout shows in the
 * header, as {@code notificationCount}. Visitors, htmx requests and JSON answers get
 * nothing; and when the count cannot be read (the database is down), the page, often an
 * error page then, renders without it.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationCountAdvice {

	private static final Logger logger = LoggerFactory.getLogger(NotificationCountAdvice.class);

	private final NotificationService notifications;

	NotificationCountAdvice(NotificationService notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute
	void notificationCount(@AuthenticationPrincipal AccountPrincipal user,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			Model model) {
		// htmx swaps a part of the page in place, never the header with the count; a JSON
		// answer has no header at all.
		if (user == null || "true".equals(htmx) || answersABody(request)) {
			return;
		}
		try {
			model.addAttribute("notificationCount", this.notifications.unreadCount(user.id()));
		}
		catch (DataAccessException ex) {
			logger.debug("No notification count for user {}", user.id(), ex);
		}
	}

	private static boolean answersABody(HttpServletRequest request) {
		return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
				&& (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
						|| handler.hasMethodAnnotation(ResponseBody.class));
	}

}
