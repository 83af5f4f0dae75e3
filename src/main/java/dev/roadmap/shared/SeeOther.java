package dev.roadmap.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * How an action answers a form: 303 See Other to the page to show next (POST, redirect,
 * GET, so a reload does not post again), with a {@link Flash} message for that page.
 */
public final class SeeOther {

	private SeeOther() {
	}

	/**
	 * A redirect to a path of this application (the context path is added).
	 */
	public static RedirectView to(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		// Nothing of the model in the address: what the next page needs is in the flash.
		view.setExposeModelAttributes(false);
		return view;
	}

	/**
	 * The same, with a message the next page shows once.
	 */
	public static RedirectView to(String path, RedirectAttributes redirect, String messageKey, Object... args) {
		redirect.addFlashAttribute("flash", Flash.of(messageKey, args));
		return to(path);
	}

}
