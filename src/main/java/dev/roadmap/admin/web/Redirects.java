package dev.roadmap.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * How admin actions answer: redirect (303) with a flash message that admin pages show at
 * their top, or show the page again (400) with what went wrong.
 */
final class Redirects {

	private Redirects() {
	}

	static ModelAndView seeOther(String path, RedirectAttributes redirect, String messageKey, String... args) {
		redirect.addFlashAttribute("adminFlash", messageKey);
		redirect.addFlashAttribute("adminFlashArgs", args);
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	static ModelAndView badRequest(String template) {
		return new ModelAndView(template, HttpStatus.BAD_REQUEST);
	}

}
