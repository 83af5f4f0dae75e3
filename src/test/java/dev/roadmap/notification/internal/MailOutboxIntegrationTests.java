package dev.roadmap.notification.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail outbox against real mail servers: one that takes mail (GreenMail) and one that
 * is not there at all.
 */
@RoadmapIntegrationTest
class MailOutboxIntegrationTests {

	static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.sql("delete from mail_outbox").update();
	}

	@Test
	void twoInstancesDeliveringAtOnceSendEachMailOnce() {
		MailOutbox first = outbox(SMTP_PORT);
		MailOutbox second = outbox(SMTP_PORT);
		List<String> recipients = IntStream.range(0, 60).mapToObj((i) -> Learners.uniqueEmail()).toList();
		inTransaction(() -> recipients.forEach((to) -> first.enqueue(to, "Hello", "A body.\n")));

		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first::deliverDue);
		CompletableFuture<Integer> other = CompletableFuture.supplyAsync(second::deliverDue);

		assertThat(one.join() + other.join()).isEqualTo(60);
		assertThat(smtp.getReceivedMessages()).hasSize(60);
		assertThat(waiting()).isZero();
	}

	@Test
	void aMailThatCannotBeSentIsRetriedLaterEachTimeAndGivenUpAfterTheLastTry() {
		MailOutbox outbox = outbox(TestSocketUtils.findAvailableTcpPort());
		inTransaction(
				() -> outbox.enqueue(Learners.uniqueEmail(), "Reset your password", "https://example.org/secret"));

		assertThat(outbox.deliverDue()).isZero();
		assertThat(delaySeconds()).isBetween(25L, 30L);
		assertThat(outbox.deliverDue()).as("not due yet").isZero();
		assertThat(attempts()).isOne();

		for (int attempt = 2; attempt <= MailOutbox.MAX_ATTEMPTS; attempt++) {
			makeDue();
			outbox.deliverDue();
			assertThat(attempts()).isEqualTo(attempt);
			if (attempt == 3) {
				assertThat(delaySeconds()).as("30 s, then twice as long").isBetween(115L, 120L);
			}
		}

		assertThat(this.jdbc
			.sql("select failed_at is not null and body = '' and last_error like '%MailSendException%' "
					+ "from mail_outbox")
			.query(Boolean.class)
			.single()).isTrue();
		makeDue();
		outbox.deliverDue();
		assertThat(attempts()).as("given up: never tried again").isEqualTo(MailOutbox.MAX_ATTEMPTS);
	}

	private MailOutbox outbox(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(port);
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("mailSender", sender);
		MailProperties properties = new MailProperties(URI.create("https://roadmap.example.org"),
				new MailProperties.Mail("Roadmap <roadmap@example.org>", Duration.ofSeconds(2)));
		return new MailOutbox(this.jdbc, beans.getBeanProvider(JavaMailSender.class), properties,
				new SimpleMeterRegistry());
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> work.run());
	}

	private long waiting() {
		return this.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
	}

	private int attempts() {
		return this.jdbc.sql("select attempts from mail_outbox").query(Integer.class).single();
	}

	private long delaySeconds() {
		return this.jdbc.sql("select extract(epoch from next_attempt_at - now())::bigint from mail_outbox")
			.query(Long.class)
			.single();
	}

	private void makeDue() {
		this.jdbc.sql("update mail_outbox set next_attempt_at = now()").update();
	}

}
