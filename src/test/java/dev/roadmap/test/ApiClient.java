package dev.roadmap.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * JSON requests to the running test server's API, each on a fresh client (no cookies),
 * with a token, a body and an {@code Idempotency-Key} where given (null for none).
 */
public final class ApiClient {

	private final Http http;

	public ApiClient(Http http) {
		this.http = http;
	}

	public HttpResponse<String> get(String path, String token) throws Exception {
		return send("GET", path, token, null, null);
	}

	public HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		return send(method, path, token, body, null);
	}

	public HttpResponse<String> send(String method, String path, String token, String body, String idempotencyKey)
			throws Exception {
		Http client = this.http.fresh();
		HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Accept", "application/json");
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return client.send(request.build());
	}

}
