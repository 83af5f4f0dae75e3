package dev.roadmap.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Who hears of which review action, and what they can do with their notifications.
 */
@RoadmapIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationServiceIntegrationTests {

	@Autowired
	NotificationService notifications;

	@Autowired
	ReviewScenario scenario;

	AccountPrincipal ada;

	AccountPrincipal mo;

	AccountPrincipal max;

	Skill skill;

	@BeforeEach
	void adaIsInACohortMentoredByMoAndMax() {
		this.ada = this.scenario.learner("Ada Learner");
		this.mo = this.scenario.mentor("Mo Mentor");
		this.max = this.scenario.mentor("Max Mentor");
		this.scenario.cohort(this.ada, this.mo, this.max);
		this.skill = this.scenario.skill("apis", 0);
	}

	@Test
	void aReviewRequestNotifiesEveryMentorOfTheLearnersActiveCohortsAndNobodyElse() {
		AccountPrincipal mentorOfArchivedCohort = this.scenario.mentor("Archived Mentor");
		this.scenario.archive(this.scenario.cohort(this.ada, mentorOfArchivedCohort));
		AccountPrincipal otherMentor = this.scenario.mentor("Other Mentor");
		this.scenario.cohort(this.scenario.learner("Someone Else"), otherMentor);

		this.scenario.requestReview(this.ada, this.skill);

		for (AccountPrincipal mentor : List.of(this.mo, this.max)) {
			assertThat(all(mentor))
				.extracting(Notification::kind, Notification::actorName, Notification::skillTitle, Notification::link)
				.containsExactly(tuple(NotificationKind.REVIEW_REQUESTED, "Ada Learner", this.skill.title(),
						"/mentor/reviews/" + this.ada.id() + "/" + this.skill.id()));
			assertThat(this.notifications.unreadCount(mentor.id())).isEqualTo(1);
		}
		assertThat(all(this.ada)).as("the actor").isEmpty();
		assertThat(all(mentorOfArchivedCohort)).isEmpty();
		assertThat(all(otherMentor)).isEmpty();
	}

	@Test
	void updatingTheEvidenceOfAWaitingRequestNotifiesNobodyAgain() {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.requestReview(this.ada, this.skill);

		assertThat(all(this.mo)).hasSize(1);
	}

	@Test
	void aLearnersCommentNotifiesTheMentorsAndAMentorsCommentNotifiesTheLearner() {
		this.scenario.requestReview(this.ada, this.skill);

		this.scenario.comment(this.ada, this.skill, this.ada, "I added a README.");

		assertThat(all(this.mo)).extracting(Notification::kind)
			.containsExactly(NotificationKind.COMMENTED, NotificationKind.REVIEW_REQUESTED);
		assertThat(all(this.max)).hasSize(2);
		assertThat(all(this.ada)).isEmpty();

		this.scenario.comment(this.ada, this.skill, this.mo, "Looks good so far.");

		assertThat(all(this.ada)).extracting(Notification::kind, Notification::actorName, Notification::link)
			.containsExactly(tuple(NotificationKind.COMMENTED, "Mo Mentor", "/stages/apis#skill-" + this.skill.slug()));
		assertThat(all(this.mo)).as("the actor").hasSize(2);
		assertThat(all(this.max)).as("another mentor").hasSize(2);
	}

	@Test
	void decisionsNotifyTheLearnerOnly() {
		this.scenario.requestReview(this.ada, this.skill);

		this.scenario.requestChanges(this.ada, this.skill, this.mo);
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.approve(this.ada, this.skill, this.max);

		assertThat(all(this.ada)).extracting(Notification::kind, Notification::actorName)
			.containsExactly(tuple(NotificationKind.APPROVED, "Max Mentor"),
					tuple(NotificationKind.CHANGES_REQUESTED, "Mo Mentor"));
		assertThat(all(this.ada)).extracting(Notification::link)
			.containsOnly("/stages/apis#skill-" + this.skill.slug());
		assertThat(all(this.mo)).extracting(Notification::kind)
			.containsExactly(NotificationKind.REVIEW_REQUESTED, NotificationKind.REVIEW_REQUESTED);
		assertThat(all(this.max)).hasSize(2);
	}

	@Test
	void undoingAVerifiedSkillTellsTheMentors() {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.approve(this.ada, this.skill, this.max);

		this.scenario.setStatus(this.ada, this.skill, SkillStatus.IN_PROGRESS);

		for (AccountPrincipal mentor : List.of(this.mo, this.max)) {
			assertThat(all(mentor)).first()
				.extracting(Notification::kind, Notification::actorName, Notification::link)
				.containsExactly(NotificationKind.UNVERIFIED, "Ada Learner",
						"/mentor/reviews/" + this.ada.id() + "/" + this.skill.id());
		}
		assertThat(all(this.ada)).extracting(Notification::kind).containsExactly(NotificationKind.APPROVED);
	}

	@Test
	void aMentorIsNeverNotifiedOfTheirOwnActionsEvenInTheirOwnCohort() {
		AccountPrincipal learningMentor = this.scenario.user("Lee Both", EnumSet.of(Role.LEARNER, Role.MENTOR));
		this.scenario.cohort(learningMentor, learningMentor, this.mo);

		this.scenario.requestReview(learningMentor, this.skill);
		this.scenario.comment(learningMentor, this.skill, learningMentor, "A note to myself.");

		assertThat(all(learningMentor)).isEmpty();
		assertThat(all(this.mo)).extracting(Notification::kind)
			.containsExactly(NotificationKind.COMMENTED, NotificationKind.REVIEW_REQUESTED);
	}

	@Test
	void aLearnerWithoutMentorsCanStillAskForAReview() {
		AccountPrincipal loner = this.scenario.learner("Lone Learner");

		this.scenario.requestReview(loner, this.skill);

		assertThat(this.scenario.reviews().reviewOf(loner.id(), this.skill.id()).state())
			.isEqualTo(ReviewState.REQUESTED);
		assertThat(all(loner)).isEmpty();
	}

	@Test
	void openingANotificationMarksItReadAndTellsWhereItLeads() {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.comment(this.ada, this.skill, this.ada, "Ping.");
		List<Notification> before = all(this.mo);

		assertThat(this.notifications.open(this.mo.id(), before.get(1).id()))
			.contains("/mentor/reviews/" + this.ada.id() + "/" + this.skill.id());

		List<Notification> after = all(this.mo);
		assertThat(after).extracting(Notification::unread).containsExactly(true, false);
		assertThat(this.notifications.unreadCount(this.mo.id())).isEqualTo(1);
		assertThat(this.notifications.open(this.mo.id(), before.get(1).id())).as("again").isPresent();
		assertThat(all(this.mo).get(1).readAt()).as("keeps the first time").isEqualTo(after.get(1).readAt());
	}

	@Test
	void someoneElsesNotificationCannotBeOpenedAndStaysUnread() {
		this.scenario.requestReview(this.ada, this.skill);
		long mosNotification = all(this.mo).get(0).id();

		assertThat(this.notifications.open(this.max.id(), mosNotification)).isEmpty();
		assertThat(this.notifications.open(this.ada.id(), mosNotification)).isEmpty();
		assertThat(this.notifications.open(this.mo.id(), Long.MAX_VALUE)).isEmpty();

		assertThat(all(this.mo)).extracting(Notification::unread).containsExactly(true);
		assertThat(all(this.max)).extracting(Notification::unread).containsExactly(true);
	}

	@Test
	void markingAllReadClearsTheCountOfThatUserOnly() {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.comment(this.ada, this.skill, this.ada, "Ping.");

		assertThat(this.notifications.markAllRead(this.mo.id())).isEqualTo(2);

		assertThat(this.notifications.unreadCount(this.mo.id())).isZero();
		assertThat(all(this.mo)).extracting(Notification::unread).containsOnly(false);
		assertThat(this.notifications.unreadCount(this.max.id())).isEqualTo(2);
		assertThat(this.notifications.markAllRead(this.mo.id())).isZero();
	}

	@Test
	void listsAreNewestFirstInPagesWithTotals() {
		this.scenario.requestReview(this.ada, this.skill);
		for (int i = 1; i <= 24; i++) {
			this.scenario.comment(this.ada, this.skill, this.ada, "Comment " + i);
		}
		this.notifications.open(this.mo.id(), all(this.mo).get(0).id());

		Inbox first = this.notifications.list(this.mo.id(), 1, 20);
		Inbox second = this.notifications.list(this.mo.id(), 2, 20);
		Inbox beyond = this.notifications.list(this.mo.id(), 3, 20);

		assertThat(first.items()).hasSize(20);
		assertThat(first.items().get(0).unread()).isFalse();
		assertThat(first.page().total()).isEqualTo(25);
		assertThat(first.unread()).isEqualTo(24);
		assertThat(first.page().pages()).isEqualTo(2);
		assertThat(first.page().hasPrevious()).isFalse();
		assertThat(first.page().hasNext()).isTrue();
		assertThat(second.items()).hasSize(5);
		assertThat(second.items().get(4).kind()).isEqualTo(NotificationKind.REVIEW_REQUESTED);
		assertThat(second.page().hasPrevious()).isTrue();
		assertThat(second.page().hasNext()).isFalse();
		assertThat(beyond.items()).isEmpty();
		List<Long> ids = new ArrayList<>(first.items().stream().map(Notification::id).toList());
		ids.addAll(second.items().stream().map(Notification::id).toList());
		assertThat(ids).isSortedAccordingTo(Comparator.reverseOrder()).doesNotHaveDuplicates();
	}

	@Test
	void withoutSmtpEachNotificationIsLoggedWithItsRecipientAndSubject(CapturedOutput output) {
		this.scenario.requestReview(this.ada, this.skill);

		for (AccountPrincipal mentor : List.of(this.mo, this.max)) {
			assertThat(output).contains("Notification " + all(mentor).get(0).id() + " for user " + mentor.id()
					+ " (not e-mailed, no SMTP configured): Ada Learner asked for a review of \"" + this.skill.title()
					+ "\"");
		}
	}

	private List<Notification> all(AccountPrincipal user) {
		return this.notifications.list(user.id(), 0, NotificationService.MAX_PAGE_SIZE).items();
	}

}
