package dev.roadmap.notification;

import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.mentoring.internal.StuckNudges;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.test.MailIntegrationTest;
import dev.roadmap.test.ProgressSummaries;
import dev.roadmap.test.ReviewScenario;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.roadmap.test.TestMail.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A learner who looks stuck gets one friendly e-mail for that spell of inactivity,
 * through a real SMTP server; an active learner gets none, and a second round nudges
 * nobody twice.
 */
@MailIntegrationTest
class StuckNudgeMailIntegrationTests {

	@Autowired
	StuckNudges nudges;

	@Autowired
	ReviewScenario scenario;

	@Autowired
	JdbcClient jdbc;

	AccountPrincipal ada;

	AccountPrincipal bo;

	@BeforeEach
	void adaLooksStuckAndBoIsActive() {
		this.ada = this.scenario.learner("Ada Away");
		this.bo = this.scenario.learner("Bo Busy");
		AccountPrincipal mo = this.scenario.mentor("Mo Mentor");
		this.scenario.cohort(this.ada, mo);
		this.scenario.cohort(this.bo, mo);
		this.scenario.setStatus(this.ada, this.scenario.skill("apis", 0), SkillStatus.IN_PROGRESS);
		this.scenario.setStatus(this.bo, this.scenario.skill("apis", 0), SkillStatus.IN_PROGRESS);
		lastActive(this.ada, "20 days");
	}

	@Test
	void aLearnerWhoLooksStuckIsNudgedOnceForThatSpell() throws Exception {
		List<Long> first = this.nudges.nudge();

		assertThat(first).contains(this.ada.id()).doesNotContain(this.bo.id());
		await().until(() -> mailsTo(this.ada.getUsername()).size() == 1);
		MimeMessage nudge = mailsTo(this.ada.getUsername()).get(0);
		assertThat(nudge.getSubject()).isEqualTo("Your backend roadmap misses you");
		assertThat(GreenMailUtil.getBody(nudge)).contains("Hello Ada Away,")
			.contains("14 days or more")
			.contains("https://roadmap.example.org/");
		assertThat(mailsTo(this.bo.getUsername())).isEmpty();

		assertThat(this.nudges.nudge()).as("a second round").doesNotContain(this.ada.id());
		nudgedAgo(this.ada, "8 days");
		assertThat(this.nudges.nudge()).as("a week later, still the same spell").doesNotContain(this.ada.id());

		// Active again after the nudge, then away for another 15 days: a new spell.
		nudgedAgo(this.ada, "30 days");
		lastActive(this.ada, "15 days");
		assertThat(this.nudges.nudge()).contains(this.ada.id());
		await().until(() -> mailsTo(this.ada.getUsername()).size() == 2);
	}

	private void lastActive(AccountPrincipal learner, String ago) {
		this.jdbc.sql("update cohort_learner set enrolled_at = now() - interval '60 days' where user_id = :id")
			.param("id", learner.id())
			.update();
		this.jdbc.sql("update status_event set occurred_at = now() - cast(:ago as interval) where user_id = :id")
			.param("ago", ago)
			.param("id", learner.id())
			.update();
		ProgressSummaries.refresh(this.jdbc, learner.id());
	}

	private void nudgedAgo(AccountPrincipal learner, String ago) {
		this.jdbc.sql("update stuck_nudge set nudged_at = now() - cast(:ago as interval) where user_id = :id")
			.param("ago", ago)
			.param("id", learner.id())
			.update();
	}

}
