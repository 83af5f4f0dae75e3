package dev.roadmap.shared;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an action answers when its service refuses the input with a
 * {@link RefusedInputException}. The action takes one as a parameter and says it before
 * it calls the service, instead of catching: usually {@link #show} the form's page again.
 * The web layer's advice ({@code system.RefusedInputAdvice}) then answers the same way
 * for every action: the problems go on the action's form by field, and the page is shown
 * in the action's own model with 400 Bad Request.
 */
public final class OnRefusal {

	private Function<? super RefusedInputException, ?> page;

	private Class<? extends RefusedInputException> redirected;

	private String redirectPath;

	private Flash redirectFlash;

	/**
	 * The page that shows the refusal: a view name, or a {@code ModelAndView} (a status
	 * of its own, such as 410, is kept), rendered in the action's model with 400. A page
	 * that throws a {@code ResponseStatusException} answers with that status instead.
	 */
	public void show(Supplier<?> page) {
		show((refusal) -> page.get());
	}

	/**
	 * The same, for a page that shows the problems itself (those of no field of the
	 * action's form).
	 */
	public void show(Function<? super RefusedInputException, ?> page) {
		this.page = page;
	}

	/**
	 * A refusal of this type redirects (303) to the path with a flash message instead of
	 * showing a page.
	 */
	public void seeOther(Class<? extends RefusedInputException> type, String path, String messageKey, Object... args) {
		this.redirected = type;
		this.redirectPath = path;
		this.redirectFlash = Flash.of(messageKey, args);
	}

	/**
	 * The answer the action named for the refusal, for the advice to send.
	 * @param redirect where a redirect puts its flash message
	 * @return the page, a redirect, or {@code null} if the action named nothing
	 */
	public Object answer(RefusedInputException refusal, RedirectAttributes redirect) {
		if (this.redirected != null && this.redirected.isInstance(refusal)) {
			return SeeOther.to(this.redirectPath, redirect, this.redirectFlash.key(), this.redirectFlash.arguments());
		}
		return (this.page != null) ? this.page.apply(refusal) : null;
	}

}
