package dev.roadmap.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes a problem from a servlet filter, where no message converter is at hand: the
 * authentication failures the security filters answer before any controller runs.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(HttpServletResponse response, ApiProblem problem, String detail, String wwwAuthenticate)
			throws IOException {
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (wwwAuthenticate != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
		}
		var json = problem.detail(detail);
		response.getWriter()
			.write("{\"type\":" + quote(json.getType().toString()) + ",\"title\":" + quote(json.getTitle())
					+ ",\"status\":" + json.getStatus() + ",\"detail\":" + quote(json.getDetail()) + "}");
	}

	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
