package dev.roadmap.admin.web;

import dev.roadmap.shared.SeeOther;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How admin actions answer: redirect (303) with a flash message, or show the page again
 * (400) with what went wrong.
 */
final class Redirects {

	private Redirects() {
	}

	static ModelAndView seeOther(String path, RedirectAttributes redirect, String messageKey, Object... args) {
		return new ModelAndView(SeeOther.to(path, redirect, messageKey, args));
	}

	static ModelAndView badRequest(String template) {
		return new ModelAndView(template, HttpStatus.BAD_REQUEST);
	}

}
