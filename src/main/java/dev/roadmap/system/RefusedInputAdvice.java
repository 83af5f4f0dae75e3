package dev.roadmap.system;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.RefusedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ModelMap;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Answers every action whose service refused its input ({@link RefusedInputException}),
 * so that no controller catches one: with the page the action named in its
 * {@link OnRefusal} parameter. Each problem of a field the action's bound form has goes
 * on that form as the field's error (with the exception's arguments); then the page is
 * rendered in the action's own model (its forms, drafts, the header's counts) with 400
 * Bad Request, unless it is a redirect or has a status of its own. A page that throws a
 * {@link ResponseStatusException} (a cohort that is gone) answers with that status, as
 * Spring would; an action that named no page answers 400 with the error page.
 */
@ControllerAdvice
class RefusedInputAdvice implements WebMvcConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(RefusedInputAdvice.class);

	private static final String DECLARED = RefusedInputAdvice.class.getName() + ".declared";

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new OnRefusalResolver());
	}

	@ExceptionHandler
	ModelAndView refused(RefusedInputException refusal, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		Declared declared = (Declared) request.getAttribute(DECLARED);
		if (declared == null) {
			return noPage(refusal, request, response);
		}
		rejectOnForms(refusal, declared.model());
		Object page;
		try {
			page = declared.onRefusal().answer(refusal, redirect);
		}
		catch (ResponseStatusException ex) {
			sendError(response, ex.getStatusCode().value(), ex.getReason());
			return null;
		}
		if (page == null) {
			return noPage(refusal, request, response);
		}
		return answer(page, declared.model());
	}

	private static ModelAndView noPage(RefusedInputException refusal, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		logger.warn("{} {} was refused ({}) but names no page for it", request.getMethod(), request.getRequestURI(),
				refusal.problems());
		sendError(response, HttpServletResponse.SC_BAD_REQUEST, null);
		return null;
	}

	/**
	 * Puts each problem on the action's form that has its field, before the page is made
	 * from the model.
	 */
	private static void rejectOnForms(RefusedInputException refusal, ModelMap model) {
		List<BindingResult> forms = model.values()
			.stream()
			.filter(BindingResult.class::isInstance)
			.map(BindingResult.class::cast)
			.toList();
		for (Map.Entry<String, String> problem : refusal.problems().entrySet()) {
			String field = problem.getKey();
			forms.stream()
				.filter((form) -> !field.isEmpty() && form.getTarget() != null && form.getFieldType(field) != null)
				.findFirst()
				.ifPresent((form) -> form.rejectValue(field, problem.getValue(), refusal.arguments(), null));
		}
	}

	private static ModelAndView answer(Object page, ModelMap model) {
		if (page instanceof View view) {
			// A redirect: nothing of the model travels, its flash does.
			return new ModelAndView(view);
		}
		ModelAndView answer;
		if (page instanceof ModelAndView given) {
			answer = given;
		}
		else if (page instanceof String viewName) {
			answer = new ModelAndView(viewName);
		}
		else {
			throw new IllegalStateException("Not a page: " + page);
		}
		answer.getModelMap().mergeAttributes(model);
		if (answer.getStatus() == null) {
			answer.setStatus(HttpStatus.BAD_REQUEST);
		}
		return answer;
	}

	private static void sendError(HttpServletResponse response, int status, String reason) throws IOException {
		if (StringUtils.hasLength(reason)) {
			response.sendError(status, reason);
		}
		else {
			response.sendError(status);
		}
	}

	/**
	 * What the action said before it was refused, and its model.
	 */
	private record Declared(OnRefusal onRefusal, ModelMap model) {
	}

	/**
	 * Gives an action its {@link OnRefusal} and keeps it, with the action's model, for
	 * the advice.
	 */
	private static final class OnRefusalResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == OnRefusal.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binderFactory) {
			OnRefusal onRefusal = new OnRefusal();
			request.setAttribute(DECLARED, new Declared(onRefusal, container.getDefaultModel()),
					RequestAttributes.SCOPE_REQUEST);
			return onRefusal;
		}

	}

}
