package dev.roadmap.api;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of error the API answers, each an RFC 9457 problem whose {@code type} is
 * stable: a client tells errors apart by it, never by the title or detail, which are for
 * people and may change.
 */
public enum ApiProblem {

	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "A personal access token is required"),
	INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "The token is unknown, expired or revoked"),
	INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN, "The token lacks the scope this needs"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "No such resource"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape"),
	INVALID_INPUT(HttpStatus.UNPROCESSABLE_CONTENT, "The request was refused; nothing changed"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json"),
	TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key belongs to another request"),
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "The request with this Idempotency-Key is still running"),
	CLAIM_REQUIRED(HttpStatus.CONFLICT, "Claim the review request before deciding on it"),
	CLAIMED_BY_ANOTHER(HttpStatus.CONFLICT, "Another mentor holds the claim on this review request"),
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests with this token; retry after the time given"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "The API answers application/json"),
	SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

	/** Where every problem type's URI starts. */
	public static final String TYPE_PREFIX = "urn:backend-roadmap:problem:";

	private final HttpStatus status;

	private final String title;

	ApiProblem(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	public String title() {
		return this.title;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The type's URI, such as {@code urn:backend-roadmap:problem:invalid-token}.
	 */
	public URI type() {
		return URI.create(TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	/**
	 * The kind of problem an error status means, where nothing more is known.
	 */
	public static ApiProblem forStatus(int status) {
		for (ApiProblem problem : values()) {
			if (problem.status.value() == status && problem != INVALID_TOKEN && problem != IDEMPOTENCY_KEY_REUSED) {
				return problem;
			}
		}
		return (status >= 500) ? SERVER_ERROR : MALFORMED_REQUEST;
	}

	public ProblemDetail detail(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		problem.setType(type());
		problem.setTitle(this.title);
		return problem;
	}

}
