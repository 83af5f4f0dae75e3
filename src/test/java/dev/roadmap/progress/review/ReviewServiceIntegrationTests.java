package dev.roadmap.progress.review;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@RoadmapIntegrationTest
@Import({ ReviewServiceIntegrationTests.RecordedActivities.class, StatementCounter.CountStatements.class })
class ReviewServiceIntegrationTests {

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordedActivities activities;

	@Autowired
	StatementCounter statements;

	private final Evidence repository = new Evidence("https://github.com/ada/todo", "https://todo.example.com",
			"Accounts and lists");

	@Test
	void aDoneProjectCanBeSubmittedForReview() {
		Skill project = project();
		long learner = whoDid(project);

		this.reviews.requestReview(learner, project, this.repository);

		SkillReview review = this.reviews.reviewOf(learner, project.id());
		assertThat(review.state()).isEqualTo(ReviewState.REQUESTED);
		assertThat(review.awaitingReview()).isTrue();
		assertThat(review.evidence()).isEqualTo(this.repository);
		assertThat(review.requestedAt()).isNotNull();
		assertThat(reviewEvents(learner)).containsExactly("REQUESTED");
		assertThat(this.activities.of(learner)).extracting(ReviewActivity::action)
			.containsExactly(ReviewAction.REQUESTED);
	}

	@Test
	void everySubmissionIsANumberedIterationKeptAsItWasSubmitted() {
		Skill project = project();
		long learner = whoDid(project);
		long mentor = mentor();
		Evidence fixed = new Evidence("https://github.com/ada/todo-v2", null, "Now with tests");
		Evidence again = new Evidence("https://github.com/ada/todo-v3", null, "Login fixed");

		this.reviews.requestReview(learner, project, this.repository);
		this.reviews.requestReview(learner, project, fixed);
		this.reviews.requestReview(learner, project, fixed);
		this.decisions.claim(mentor, learner, project.id());
		this.decisions.requestChanges(mentor, learner, project, 2, "The login fails.");
		this.reviews.requestReview(learner, project, again);

		SkillReview review = this.reviews.reviewOf(learner, project.id());
		assertThat(review.iteration()).isEqualTo(3);
		assertThat(review.evidence()).isEqualTo(again);
		assertThat(review.iterations()).extracting(ReviewIteration::number).containsExactly(1, 2, 3);
		assertThat(review.iterations()).extracting(ReviewIteration::evidence)
			.as("each as it was submitted; the same evidence twice is no new iteration")
			.containsExactly(this.repository, fixed, again);
		assertThat(review.previousIteration()).map(ReviewIteration::number).contains(2);
		assertThat(review.currentIteration().orElseThrow().changedSince(review.previousIteration().orElseThrow()))
			.containsExactly("url", "note");
		assertThat(review.commentsOn(2)).extracting(ReviewComment::body).containsExactly("The login fails.");
		assertThat(review.commentsOn(3)).isEmpty();
		assertThat(reviewEvents(learner)).containsExactly("REQUESTED", "RESUBMITTED", "CHANGES_REQUESTED", "REQUESTED");
		assertThat(this.activities.of(learner)).extracting(ReviewActivity::action)
			.containsExactly(ReviewAction.REQUESTED, ReviewAction.RESUBMITTED, ReviewAction.CHANGES_REQUESTED,
					ReviewAction.REQUESTED);
	}

	@Test
	void aDecisionOnAnIterationTheLearnerHasSinceReplacedIsRefused() {
		Skill project = project();
		long learner = whoDid(project);
		long mentor = mentor();
		this.reviews.requestReview(learner, project, this.repository);
		this.decisions.claim(mentor, learner, project.id());
		int seen = this.reviews.reviewOf(learner, project.id()).iteration();
		Evidence swapped = new Evidence("https://github.com/someone-else/todo", null, "Not mine");
		this.reviews.requestReview(learner, project, swapped);

		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.decisions.approve(mentor, learner, project, seen, null))
			.satisfies((ex) -> assertThat(ex.problems()).containsValue("review.staleIteration"));
		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.decisions.requestChanges(mentor, learner, project, seen, "Add tests."))
			.satisfies((ex) -> assertThat(ex.problems()).containsValue("review.staleIteration"));
		SkillReview waiting = this.reviews.reviewOf(learner, project.id());
		assertThat(waiting.state()).as("nothing decided").isEqualTo(ReviewState.REQUESTED);
		assertThat(waiting.comments()).isEmpty();
		assertThat(this.decisions.claimOf(learner, project.id())).as("the claim is kept").isPresent();

		this.decisions.approve(mentor, learner, project, seen + 1, null);
		assertThat(this.reviews.reviewOf(learner, project.id()).verified()).isTrue();
	}

	@Test
	void anApprovalMayCarryACommentAndARequestForChangesMust() {
		Skill project = project();
		long learner = whoDid(project);
		long mentor = mentor();
		this.reviews.requestReview(learner, project, this.repository);
		this.decisions.claim(mentor, learner, project.id());

		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.decisions.requestChanges(mentor, learner, project, 1, " \r\n "))
			.satisfies((ex) -> assertThat(ex.problems()).containsEntry("comment", "review.commentRequired"));
		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.decisions.approve(mentor, learner, project, 1, "x".repeat(2001)))
			.satisfies((ex) -> assertThat(ex.problems()).containsEntry("comment", "review.commentTooLong"));
		assertThat(this.reviews.reviewOf(learner, project.id()).state()).isEqualTo(ReviewState.REQUESTED);
		this.decisions.approve(mentor, learner, project, 1, "Clean code,\r\nwell tested.");

		SkillReview review = this.reviews.reviewOf(learner, project.id());
		assertThat(review.verified()).isTrue();
		assertThat(review.commentsOn(1)).extracting(ReviewComment::body).containsExactly("Clean code,\nwell tested.");
		assertThat(reviewEvents(learner)).containsExactly("REQUESTED", "APPROVED");

		Skill other = this.roadmap.stage("projects").orElseThrow().skills().get(1);
		this.progress.setStatus(learner, other, SkillStatus.DONE);
		this.reviews.requestReview(learner, other, this.repository);
		this.decisions.claim(mentor, learner, other.id());
		this.decisions.approve(mentor, learner, other, 1, "   ");
		assertThat(this.reviews.reviewOf(learner, other.id()).comments()).as("a blank comment is none").isEmpty();
	}

	@Test
	void onlyDoneSkillsCanBeReviewed() {
		long learner = this.learners.aLearner().id();
		Skill project = project();
		this.progress.setStatus(learner, project, SkillStatus.IN_PROGRESS);

		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.reviews.requestReview(learner, project, this.repository))
			.satisfies((ex) -> assertThat(ex.problems()).containsValue("review.notDone"));
		assertThat(this.reviews.reviewOf(learner, project.id()).state()).isEqualTo(ReviewState.NONE);
		assertThat(reviewEvents(learner)).isEmpty();
	}

	@Test
	void evidenceLinksMustBeHttpOrHttpsAndProjectsNeedARepository() {
		Skill project = project();
		long learner = whoDid(project);

		for (Evidence bad : List.of(new Evidence("javascript:alert(1)", null, null),
				new Evidence("https://ok.example", "data:text/html,<script>alert(1)</script>", null),
				new Evidence("ftp://example.com/repo", null, null), new Evidence(null, null, "only a note"),
				new Evidence("https://ok.example", null, "x".repeat(2001)))) {
			assertThatExceptionOfType(ReviewException.class)
				.isThrownBy(() -> this.reviews.requestReview(learner, project, bad));
		}
		assertThat(this.reviews.reviewOf(learner, project.id()).evidence().isEmpty()).isTrue();
	}

	@Test
	void onlyProjectsTakeALiveUrl() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.roadmap.stage("apis").orElseThrow().skills().get(0);
		this.progress.setStatus(learner, skill, SkillStatus.DONE);

		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.reviews.requestReview(learner, skill, this.repository))
			.satisfies((ex) -> assertThat(ex.problems()).containsEntry("liveUrl", "evidence.liveUrlOnlyForProjects"));
		this.reviews.requestReview(learner, skill, new Evidence("https://github.com/ada/api", null, "An API"));
		assertThat(this.reviews.reviewOf(learner, skill.id()).state()).isEqualTo(ReviewState.REQUESTED);
	}

	@Test
	void theWholeConversationEndsInAVerifiedSkill() {
		Skill project = project();
		long learner = whoDid(project);
		long mentor = mentor();

		this.reviews.requestReview(learner, project, this.repository);
		this.decisions.claim(mentor, learner, project.id());
		this.decisions.requestChanges(mentor, learner, project,
				this.reviews.reviewOf(learner, project.id()).iteration(), "Add tests for the login.");
		assertThat(this.reviews.reviewOf(learner, project.id()).state()).isEqualTo(ReviewState.CHANGES_REQUESTED);
		this.reviews.reply(learner, project, "Tests added, see the repository.");
		this.reviews.requestReview(learner, project, this.repository);
		this.decisions.claim(mentor, learner, project.id());
		this.decisions.approve(mentor, learner, project, this.reviews.reviewOf(learner, project.id()).iteration(),
				null);

		SkillReview review = this.reviews.reviewOf(learner, project.id());
		assertThat(review.verified()).isTrue();
		assertThat(review.comments()).extracting(ReviewComment::body)
			.containsExactly("Add tests for the login.", "Tests added, see the repository.");
		assertThat(review.comments()).extracting(ReviewComment::authorId).containsExactly(mentor, learner);
		assertThat(reviewEvents(learner)).containsExactly("REQUESTED", "CHANGES_REQUESTED", "COMMENTED", "REQUESTED",
				"APPROVED");
		assertThat(this.activities.of(learner)).extracting(ReviewActivity::byLearner)
			.containsExactly(true, false, true, true, false);
	}

	@Test
	void undoingAVerifiedSkillWithdrawsTheVerificationAndDoneAgainItNeedsANewReview() {
		Skill project = project();
		long learner = waitingForReviewOf(project);
		long mentor = mentor();
		this.decisions.claim(mentor, learner, project.id());
		this.decisions.approve(mentor, learner, project, this.reviews.reviewOf(learner, project.id()).iteration(),
				null);

		this.progress.setStatus(learner, project, SkillStatus.IN_PROGRESS);
		SkillReview undone = this.reviews.reviewOf(learner, project.id());
		assertThat(undone.verified()).isFalse();
		assertThat(undone.state()).isEqualTo(ReviewState.NONE);
		assertThat(undone.evidence()).isEqualTo(this.repository);
		assertThat(reviewEvents(learner)).containsExactly("REQUESTED", "APPROVED", "UNVERIFIED");
		assertThat(this.activities.of(learner)).last()
			.satisfies((activity) -> assertThat(activity.byLearner()).isTrue());

		this.progress.setStatus(learner, project, SkillStatus.DONE);
		assertThat(this.reviews.reviewOf(learner, project.id()).verified()).isFalse();
		assertThat(this.reviews.reviewOf(learner, project.id()).state()).isEqualTo(ReviewState.NONE);
		this.reviews.requestReview(learner, project, this.repository);
		assertThat(this.reviews.reviewOf(learner, project.id()).awaitingReview()).isTrue();
	}

	/**
	 * The status change already holds the row it changed: whether there is a verification
	 * to withdraw is read from it, with no statement of its own.
	 */
	@Test
	void movingADoneSkillAwayCostsTheStatementsOfMovingItBackWhenNothingIsWithdrawn() {
		Skill project = project();
		long learner = waitingForReviewOf(project);

		int away = this.statements.count(() -> this.progress.setStatus(learner, project, SkillStatus.IN_PROGRESS))
			.statements();
		int back = this.statements.count(() -> this.progress.setStatus(learner, project, SkillStatus.DONE))
			.statements();

		assertThat(away).isEqualTo(back);
	}

	@Test
	void movingADoneSkillThatIsNotVerifiedWithdrawsNothing() {
		Skill project = project();
		long learner = waitingForReviewOf(project);

		this.progress.setStatus(learner, project, SkillStatus.SKIPPED);
		this.progress.setStatus(learner, project, SkillStatus.DONE);

		assertThat(this.reviews.reviewOf(learner, project.id()).awaitingReview()).isTrue();
		assertThat(reviewEvents(learner)).containsExactly("REQUESTED");
	}

	@Test
	void mentorsClaimAndDecideOnlyWaitingRequests() {
		Skill project = project();
		long learner = whoDid(project);
		long mentor = mentor();

		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.decisions.claim(mentor, learner, project.id()))
			.satisfies((ex) -> assertThat(ex.problems()).containsValue("review.notWaiting"));
		assertThat(this.decisions.claimOf(learner, project.id())).isEmpty();
		assertThatExceptionOfType(ClaimRequiredException.class).isThrownBy(() -> this.decisions.approve(mentor, learner,
				project, this.reviews.reviewOf(learner, project.id()).iteration(), null));
		this.reviews.requestReview(learner, project, this.repository);
		this.decisions.claim(mentor, learner, project.id());
		this.decisions.approve(mentor, learner, project, this.reviews.reviewOf(learner, project.id()).iteration(),
				null);
		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.decisions.claim(mentor, learner, project.id()))
			.satisfies((ex) -> assertThat(ex.problems()).containsValue("review.notWaiting"));
		assertThatExceptionOfType(ClaimRequiredException.class).isThrownBy(() -> this.decisions.requestChanges(mentor,
				learner, project, this.reviews.reviewOf(learner, project.id()).iteration(), "Too late"));
		assertThat(this.reviews.reviewOf(learner, project.id()).verified()).isTrue();
		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.reviews.requestReview(learner, project, this.repository))
			.satisfies((ex) -> assertThat(ex.problems()).containsValue("review.alreadyVerified"));
	}

	@Test
	void aDecisionNeedsTheMentorsLiveClaimAndReleasesIt() {
		Skill project = project();
		long learner = waitingForReviewOf(project);
		long mentor = mentor();
		long other = mentor();

		assertThatExceptionOfType(ClaimRequiredException.class).isThrownBy(() -> this.decisions.approve(mentor, learner,
				project, this.reviews.reviewOf(learner, project.id()).iteration(), null));
		this.decisions.claim(other, learner, project.id());
		assertThatExceptionOfType(ClaimRequiredException.class).isThrownBy(() -> this.decisions.requestChanges(mentor,
				learner, project, this.reviews.reviewOf(learner, project.id()).iteration(), "Add tests."));
		assertThat(this.decisions.claim(mentor, learner, project.id()).heldBy(other)).isTrue();
		assertThat(this.reviews.reviewOf(learner, project.id()).awaitingReview()).isTrue();
		assertThat(this.reviews.reviewOf(learner, project.id()).comments()).isEmpty();

		this.decisions.approve(other, learner, project, this.reviews.reviewOf(learner, project.id()).iteration(), null);
		assertThat(this.reviews.reviewOf(learner, project.id()).verified()).isTrue();
		assertThat(this.decisions.claimOf(learner, project.id())).isEmpty();
	}

	@Test
	void aRefusedDecisionKeepsTheClaimAndChangesNothing() {
		Skill project = project();
		long learner = waitingForReviewOf(project);
		long mentor = mentor();
		this.decisions.claim(mentor, learner, project.id());

		assertThatExceptionOfType(ReviewException.class).isThrownBy(() -> this.decisions.requestChanges(mentor, learner,
				project, this.reviews.reviewOf(learner, project.id()).iteration(), "  "));
		assertThat(this.decisions.claimOf(learner, project.id()).map(Claim::mentorId)).contains(mentor);
		assertThat(this.reviews.reviewOf(learner, project.id()).awaitingReview()).isTrue();
	}

	@Test
	void commentsMustSaySomethingShort() {
		Skill project = project();
		long learner = waitingForReviewOf(project);

		for (String bad : new String[] { null, "", "   ", "x".repeat(2001) }) {
			assertThatExceptionOfType(ReviewException.class)
				.isThrownBy(() -> this.reviews.reply(learner, project, bad));
		}
		assertThat(this.reviews.reviewOf(learner, project.id()).comments()).isEmpty();
	}

	/**
	 * A new learner who has done the skill.
	 */
	private long whoDid(Skill skill) {
		return this.learners.learner().with(skill, SkillStatus.DONE).create().id();
	}

	/**
	 * A new learner who has done the skill and asks for a review with
	 * {@link #repository}.
	 */
	private long waitingForReviewOf(Skill skill) {
		long learner = whoDid(skill);
		this.reviews.requestReview(learner, skill, this.repository);
		return learner;
	}

	private long mentor() {
		return this.learners.withRoles(EnumSet.of(Role.MENTOR)).id();
	}

	private Skill project() {
		return this.roadmap.stage("projects").orElseThrow().skills().get(0);
	}

	private List<String> reviewEvents(long learner) {
		return this.jdbc.sql("select action from review_event where user_id = :id order by id")
			.param("id", learner)
			.query(String.class)
			.list();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedActivities {

		private final List<ReviewActivity> activities = new ArrayList<>();

		@EventListener
		synchronized void on(ReviewActivity activity) {
			this.activities.add(activity);
		}

		synchronized List<ReviewActivity> of(long learnerId) {
			return this.activities.stream().filter((activity) -> activity.learnerId() == learnerId).toList();
		}

	}

}
