package dev.roadmap.notification;

import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.MailIntegrationTest;
import dev.roadmap.test.ReviewScenario;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.roadmap.test.TestMail.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mentor who chose the daily digest gets one e-mail a day about their queue instead of
 * one per request, through a real SMTP server; the learner's own mails are unchanged.
 */
@MailIntegrationTest
class ReviewDigestMailIntegrationTests {

	@Autowired
	ReviewDigests digests;

	@Autowired
	NotificationService notifications;

	@Autowired
	ReviewScenario scenario;

	AccountPrincipal ada;

	AccountPrincipal mo;

	AccountPrincipal max;

	@BeforeEach
	void adaIsMentoredByMoWhoChoseTheDigestAndByMaxWhoDidNot() {
		this.ada = this.scenario.learner("Ada Learner");
		this.mo = this.scenario.mentor("Mo Digest");
		this.max = this.scenario.mentor("Max Everymail");
		this.scenario.cohort(this.ada, this.mo, this.max);
		this.digests.choose(this.mo.id(), true);
	}

	@Test
	void theDigestTakesThePlaceOfTheMentorsMailsPerEvent() throws Exception {
		Skill first = this.scenario.skill("projects", 0);
		Skill second = this.scenario.skill("projects", 1);
		this.scenario.requestReview(this.ada, first);
		this.scenario.requestReview(this.ada, second);
		await().until(() -> mailsTo(this.max.getUsername()).size() == 2);

		List<Long> mailed = this.digests.send();

		assertThat(mailed).contains(this.mo.id()).doesNotContain(this.max.id());
		await().until(() -> mailsTo(this.mo.getUsername()).size() == 1);
		MimeMessage digest = mailsTo(this.mo.getUsername()).get(0);
		assertThat(digest.getSubject()).isEqualTo("2 review requests wait for you");
		assertThat(GreenMailUtil.getBody(digest)).contains("Hello Mo Digest,")
			.contains("2 review requests wait in your queue")
			.contains("https://roadmap.example.org/mentor");
		assertThat(this.notifications.list(this.mo.id(), 1, 10).items()).as("still notified in the app").hasSize(2);

		this.scenario.approve(this.ada, first, this.mo);
		await().until(() -> mailsTo(this.ada.getUsername()).size() == 1);
		assertThat(mailsTo(this.mo.getUsername())).as("no mail per event, before or after the digest").hasSize(1);
	}

}
