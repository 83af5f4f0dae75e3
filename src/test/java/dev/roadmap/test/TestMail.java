package dev.roadmap.test;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

/**
 * The in-process SMTP server (GreenMail) of the {@link MailIntegrationTest}s: one server
 * on one port for the whole test run, so that their classes share one application
 * context. It stays up from the first use to the end of the run: stopped between classes,
 * its port (an ephemeral one) could be taken by any other socket before the next class
 * starts it. Tests tell their mails apart by recipient, every test's users being new.
 */
public final class TestMail {

	public static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

	private static final GreenMail SERVER = start();

	private TestMail() {
	}

	/**
	 * The running server.
	 */
	public static GreenMail server() {
		return SERVER;
	}

	/**
	 * The mails the server received for the address, oldest first.
	 */
	public static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(SERVER.getReceivedMessages()).filter((message) -> {
			try {
				return addresses(message.getAllRecipients()).contains(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * The addresses as text, none for none.
	 */
	public static List<String> addresses(Address[] addresses) {
		return (addresses != null) ? Arrays.stream(addresses).map(Address::toString).toList() : List.of();
	}

	private static GreenMail start() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-smtp-stop"));
		return server;
	}

	/**
	 * Points the application's mail sender at the server.
	 */
	static class Port implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			server();
			TestPropertyValues.of("spring.mail.port=" + SMTP_PORT).applyTo(context);
		}

	}

}
