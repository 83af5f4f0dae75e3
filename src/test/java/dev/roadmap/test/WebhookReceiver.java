package dev.roadmap.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook receiver on a local port: keeps every request it gets and answers each with
 * the status its supplier gives (200 unless told otherwise), after a delay if told.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile IntSupplier status = () -> 200;

	private volatile Duration delay = Duration.ZERO;

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", this::handle);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	public WebhookReceiver answering(IntSupplier status) {
		this.status = status;
		return this;
	}

	public WebhookReceiver after(Duration delay) {
		this.delay = delay;
		return this;
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Waits up to the timeout for at least so many requests.
	 */
	public List<Received> awaitAtLeast(int count, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (this.received.size() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(this.received).as("requests received within %s", timeout).hasSizeGreaterThanOrEqualTo(count);
		return received();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					exchange.getRequestHeaders().getFirst("Content-Type"), text));
			if (!this.delay.isZero()) {
				Thread.sleep(this.delay.toMillis());
			}
			exchange.sendResponseHeaders(this.status.getAsInt(), -1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One request as it came, with the Standard Webhooks headers.
	 */
	public record Received(Instant at, String id, String timestamp, String signature, String contentType, String body) {

		/**
		 * Whether the signature is right for the secret, checked as a receiver would
		 * (standardwebhooks.com), without the app's code.
		 */
		public boolean signedWith(String secret) throws Exception {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] expected = mac
				.doFinal((this.id + "." + this.timestamp + "." + this.body).getBytes(StandardCharsets.UTF_8));
			String wanted = "v1," + Base64.getEncoder().encodeToString(expected);
			return List.of(this.signature.split(" ")).contains(wanted);
		}

	}

}
