package dev.roadmap.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The answer of every path under {@code /api/} that no operation takes: a problem, not
 * the pages' HTML error page. A request whose path and method an operation does take, but
 * whose body is not JSON, lands here too (this mapping matches anything); it is told 415
 * and what to send, not that the path does not exist.
 */
@RestController
class UnknownApiRoutes {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UnknownApiRoutes(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@RequestMapping(path = "/api/**", produces = MediaType.APPLICATION_JSON_VALUE)
	void unknown(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		if (anOperationTakesOtherContent(request)) {
			throw new HttpMediaTypeNotSupportedException(contentType(request), List.of(MediaType.APPLICATION_JSON),
					HttpMethod.valueOf(request.getMethod()));
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such API resource.");
	}

	private static MediaType contentType(HttpServletRequest request) {
		try {
			return (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	private boolean anOperationTakesOtherContent(HttpServletRequest request) {
		return this.mappings.getObject()
			.getHandlerMethods()
			.keySet()
			.stream()
			.filter((info) -> !info.getConsumesCondition().isEmpty())
			.anyMatch((info) -> takesPathAndMethod(info, request));
	}

	private static boolean takesPathAndMethod(RequestMappingInfo info, HttpServletRequest request) {
		return info.getPathPatternsCondition() != null
				&& info.getPathPatternsCondition().getMatchingCondition(request) != null
				&& info.getMethodsCondition().getMatchingCondition(request) != null;
	}

}
