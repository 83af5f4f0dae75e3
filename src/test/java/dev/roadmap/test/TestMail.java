package dev.roadmap.test;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

/**
 * The in-process SMTP server (GreenMail) of the {@link MailIntegrationTest}s: one port
 * for the whole test run, so that their classes share one application context.
 */
public final class TestMail {

	public static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

	private TestMail() {
	}

	/**
	 * The server, for {@code @RegisterExtension}: started before the class's first test,
	 * stopped after its last.
	 */
	public static GreenMailExtension server() {
		return new GreenMailExtension(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
			.withPerMethodLifecycle(false);
	}

	/**
	 * Points the application's mail sender at the server.
	 */
	static class Port implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("spring.mail.port=" + SMTP_PORT).applyTo(context);
		}

	}

}
