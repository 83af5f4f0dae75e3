package dev.roadmap.notification;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.MailIntegrationTest;
import dev.roadmap.test.ReviewScenario;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.roadmap.test.TestMail.addresses;
import static dev.roadmap.test.TestMail.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * Notification e-mails end to end, through a real SMTP server (GreenMail, in process).
 * The context of the {@link MailIntegrationTest}s, since SMTP is configured there only.
 */
@MailIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationMailIntegrationTests {

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	NotificationService notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ReviewScenario scenario;

	AccountPrincipal ada;

	AccountPrincipal mo;

	Skill skill;

	@BeforeEach
	void adaIsInACohortMentoredByMo() {
		this.ada = this.scenario.learner("Ada Learner");
		this.mo = this.scenario.mentor("Mo Mentor");
		this.scenario.cohort(this.ada, this.mo);
		this.skill = this.scenario.skill("security", 0);
	}

	@Test
	void everyNotificationIsEmailedToItsRecipientWithALinkToIt() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);

		MimeMessage request = awaitOneMailTo(this.mo);
		long requestId = this.notifications.list(this.mo.id(), 0, 1).items().get(0).id();
		assertThat(request.getSubject()).isEqualTo("Ada Learner asked for a review of \"" + this.skill.title() + "\"");
		assertThat(addresses(request.getFrom())).containsExactly("Roadmap <roadmap@example.org>");
		assertThat(addresses(request.getRecipients(Message.RecipientType.TO))).containsExactly(this.mo.getUsername());
		String body = GreenMailUtil.getBody(request);
		assertThat(body).contains("Hello Mo Mentor,")
			.contains("Open it: https://roadmap.example.org/notifications/" + requestId)
			.contains("All your notifications: https://roadmap.example.org/notifications");
		assertThat(mailsTo(this.ada.getUsername())).as("the actor").isEmpty();

		this.scenario.approve(this.ada, this.skill, this.mo);

		MimeMessage approval = awaitOneMailTo(this.ada);
		long approvalId = this.notifications.list(this.ada.id(), 0, 1).items().get(0).id();
		assertThat(approval.getSubject())
			.isEqualTo("Mo Mentor approved \"" + this.skill.title() + "\": it is now verified");
		assertThat(GreenMailUtil.getBody(approval))
			.contains("Open it: https://roadmap.example.org/notifications/" + approvalId);
		assertThat(mailsTo(this.mo.getUsername())).hasSize(1);
	}

	@Test
	void aMailFailureNeitherFailsNorUndoesTheReviewAndTheMailIsSentWhenTheServerIsBack(CapturedOutput output)
			throws Exception {
		doThrow(new MailSendException("SMTP is down")).when(this.mailSender).send(any(SimpleMailMessage.class));

		this.scenario.requestReview(this.ada, this.skill);

		verify(this.mailSender, timeout(5000)).send(any(SimpleMailMessage.class));
		assertThat(this.scenario.reviews().reviewOf(this.ada.id(), this.skill.id()).state())
			.isEqualTo(ReviewState.REQUESTED);
		assertThat(this.notifications.unreadCount(this.mo.id())).isEqualTo(1);
		await().untilAsserted(() -> assertThat(output)
			.contains("(try 1 of 10; next in PT30S): " + MailSendException.class.getName() + ": SMTP is down"));
		assertThat(mailsTo(this.mo.getUsername())).isEmpty();
		assertThat(waiting(this.mo)).as("kept for a retry").isOne();

		reset(this.mailSender);
		this.jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = :to")
			.param("to", this.mo.getUsername())
			.update();

		assertThat(awaitOneMailTo(this.mo).getSubject()).startsWith("Ada Learner asked for a review of");
		await().until(() -> waiting(this.mo) == 0);
	}

	@Test
	void aMailIsWrittenWithWhatItIsAboutAndNotAtAllIfThatIsRolledBack() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult((status) -> {
			this.scenario.requestReview(this.ada, this.skill);
			assertThat(waiting(this.mo)).as("in the same transaction").isOne();
			status.setRollbackOnly();
		});

		assertThat(waiting(this.mo)).isZero();
	}

	private long waiting(AccountPrincipal user) {
		return this.jdbc.sql("select count(*) from mail_outbox where recipient = :to")
			.param("to", user.getUsername())
			.query(Long.class)
			.single();
	}

	private MimeMessage awaitOneMailTo(AccountPrincipal user) {
		await().until(() -> mailsTo(user.getUsername()).size() == 1);
		return mailsTo(user.getUsername()).get(0);
	}

}
