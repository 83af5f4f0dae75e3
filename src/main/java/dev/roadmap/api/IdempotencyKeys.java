package dev.roadmap.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import dev.roadmap.api.IdempotencyRecords.Claim;
import dev.roadmap.api.TokenAuthenticationFilter.TokenAuthenticated;
import dev.roadmap.shared.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for the API's writes: a POST sent again with the same key (a
 * retry after a timeout) gets the first answer again, marked {@code Idempotent-Replayed},
 * instead of acting twice. Keys are per token and kept a day; the same key with another
 * request is refused (422), and while the first is still running a second waits its turn
 * (409, {@code Retry-After}). An answer of the server's own failure (5xx) is not kept, so
 * a retry runs again. Runs after the security filters: only a token's requests count.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeys {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	static final int MAX_KEY_LENGTH = 255;

	/**
	 * The largest body read here; the sanity filter refuses larger declared lengths
	 * first.
	 */
	static final int MAX_BODY = 1024 * 1024;

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> idempotencyKeyFilter(IdempotencyRecords records) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new KeyFilter(records));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	static final class KeyFilter extends OncePerRequestFilter {

		private final IdempotencyRecords records;

		KeyFilter(IdempotencyRecords records) {
			this.records = records;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String key = request.getHeader(HEADER);
			if (key == null || !WRITES.contains(request.getMethod())
					|| !(SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthenticated token)) {
				chain.doFilter(request, response);
				return;
			}
			if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
				ProblemResponses.write(response, ApiProblem.MALFORMED_REQUEST,
						"An Idempotency-Key has 1 to " + MAX_KEY_LENGTH + " characters.", null);
				return;
			}
			byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				ProblemResponses.write(response, ApiProblem.TOO_LARGE, ApiProblem.TOO_LARGE.title() + ".", null);
				return;
			}
			long tokenId = token.token().tokenId();
			Claim claim = this.records.claim(tokenId, key, fingerprint(request, body));
			switch (claim.kind()) {
				case OTHER_REQUEST -> ProblemResponses.write(response, ApiProblem.IDEMPOTENCY_KEY_REUSED,
						"This Idempotency-Key was sent with another request; use a new key for a new request.", null);
				case RUNNING -> {
					response.setHeader("Retry-After", "1");
					ProblemResponses.write(response, ApiProblem.IDEMPOTENCY_KEY_IN_USE,
							"The first request with this Idempotency-Key is still running; retry in a moment.", null);
				}
				case ANSWERED -> {
					response.setStatus(claim.status());
					response.setHeader(REPLAYED, "true");
					if (claim.contentType() != null) {
						response.setContentType(claim.contentType());
					}
					if (claim.body() != null) {
						response.getOutputStream().write(claim.body().getBytes(StandardCharsets.UTF_8));
					}
				}
				case NEW -> run(new ReplayedBody(request, body), response, chain, tokenId, key);
			}
		}

		private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, long tokenId,
				String key) throws ServletException, IOException {
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			boolean kept = false;
			try {
				chain.doFilter(request, answer);
				if (answer.getStatus() < 500) {
					this.records.answered(tokenId, key, answer.getStatus(), answer.getContentType(),
							new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
					kept = true;
				}
			}
			finally {
				if (!kept) {
					this.records.release(tokenId, key);
				}
				answer.copyBodyToResponse();
			}
		}

		private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
			byte[] head = (request.getMethod() + " " + request.getRequestURI() + "?"
					+ ((request.getQueryString() != null) ? request.getQueryString() : "") + "\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] all = new byte[head.length + body.length];
			System.arraycopy(head, 0, all, 0, head.length);
			System.arraycopy(body, 0, all, head.length, body.length);
			return Sha256.of(all);
		}

	}

	/**
	 * The request with its body, already read for the fingerprint, to be read again.
	 */
	static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Read synchronously");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
