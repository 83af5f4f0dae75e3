package dev.roadmap.api;

import java.util.Locale;
import java.util.stream.Collectors;

import dev.roadmap.progress.review.ClaimRequiredException;
import dev.roadmap.shared.RefusedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API's controllers as a problem ({@code application/problem+json}) of
 * one of the {@link ApiProblem} types: Spring MVC's own exceptions (a body that is not
 * JSON, a wrong method), a service's refusal (with its messages, in English, by field), a
 * missing resource, and anything unexpected (logged, with nothing of it shown).
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RefusedInputException.class)
	ResponseEntity<ProblemDetail> refused(RefusedInputException ex) {
		// A claim is a conflict between mentors, not bad input: the request may be right
		// later, once the claim is taken or lapses.
		ApiProblem kind = (ex instanceof ClaimRequiredException) ? ApiProblem.CLAIM_REQUIRED
				: (ex instanceof ClaimedByAnotherException) ? ApiProblem.CLAIMED_BY_ANOTHER : ApiProblem.INVALID_INPUT;
		ProblemDetail problem = kind.detail(message(ex.messageKey(), ex.arguments()));
		problem.setProperty("errors",
				ex.problems()
					.entrySet()
					.stream()
					.collect(Collectors.toMap((entry) -> entry.getKey().isEmpty() ? "request" : entry.getKey(),
							(entry) -> message(entry.getValue(), ex.arguments()))));
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("API request failed", ex);
		return ResponseEntity.internalServerError()
			.body(ApiProblem.SERVER_ERROR.detail("The request failed; it can be retried."));
	}

	/**
	 * Spring MVC's own exceptions, each given the problem type that says what it is.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ApiProblem kind;
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			kind = ApiProblem.METHOD_NOT_ALLOWED;
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException) {
			kind = ApiProblem.UNSUPPORTED_MEDIA_TYPE;
		}
		else if (ex instanceof HttpMediaTypeNotAcceptableException) {
			kind = ApiProblem.NOT_ACCEPTABLE;
		}
		else {
			kind = (statusCode.value() == 404) ? ApiProblem.NOT_FOUND : ApiProblem.MALFORMED_REQUEST;
		}
		String detail = (body instanceof ProblemDetail problem && problem.getDetail() != null) ? problem.getDetail()
				: kind.name();
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			detail = UnreadableBodies.explain(unreadable);
		}
		return ResponseEntity.status(kind.status()).headers(headers).body(kind.detail(detail));
	}

	private String message(String key, Object[] arguments) {
		return this.messages.getMessage(key, arguments, key, Locale.ENGLISH);
	}

}
