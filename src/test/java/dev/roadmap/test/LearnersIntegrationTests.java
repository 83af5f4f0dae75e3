package dev.roadmap.test;

import java.util.List;
import java.util.Map;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * The learner builder makes the learner it is told to, through the real services.
 */
@RoadmapIntegrationTest
class LearnersIntegrationTests {

	@Autowired
	Learners learners;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	ReviewService reviews;

	@Test
	void aPlainLearnerIsATestUserWithTheLearnerRoleAndNothingDone() {
		AccountPrincipal learner = this.learners.learner().create();

		assertThat(learner.displayName()).isEqualTo("Test User");
		assertThat(learner.hasRole(Role.LEARNER)).isTrue();
		assertThat(learner.hasRole(Role.MENTOR)).isFalse();
		assertThat(this.progress.statusesOf(learner.id())).isEmpty();
	}

	@Test
	void skillsDoneAreTheFirstOfTheRoadmapOrOfTheStageNamed() {
		List<Skill> databases = this.roadmap.stage("databases").orElseThrow().skills();
		List<Skill> roadmap = this.roadmap.stages().stream().flatMap((stage) -> stage.skills().stream()).toList();

		AccountPrincipal ada = this.learners.learner().named("Ada").withSkillsDone(3).inStage("databases").create();
		AccountPrincipal bo = this.learners.learner().withSkillsDone(2).create();

		assertThat(ada.displayName()).isEqualTo("Ada");
		assertThat(this.progress.statusesOf(ada.id())).containsOnly(entry(databases.get(0).id(), SkillStatus.DONE),
				entry(databases.get(1).id(), SkillStatus.DONE), entry(databases.get(2).id(), SkillStatus.DONE));
		assertThat(this.progress.statusesOf(bo.id())).containsOnly(entry(roadmap.get(0).id(), SkillStatus.DONE),
				entry(roadmap.get(1).id(), SkillStatus.DONE));
	}

	@Test
	void statusesAreSetInTheOrderGivenAndTheLastOneHolds() {
		List<Skill> languages = this.roadmap.stage("languages").orElseThrow().skills();

		AccountPrincipal learner = this.learners.learner()
			.withRoles(Role.LEARNER, Role.MENTOR)
			.withStageDone("languages")
			.with(languages.get(0), SkillStatus.SKIPPED)
			.create();

		Map<Long, SkillStatus> statuses = this.progress.statusesOf(learner.id());
		assertThat(learner.hasRole(Role.MENTOR)).isTrue();
		assertThat(statuses).hasSize(languages.size()).containsEntry(languages.get(0).id(), SkillStatus.SKIPPED);
		assertThat(statuses.values()).filteredOn(SkillStatus.DONE::equals).hasSize(languages.size() - 1);
	}

	@Test
	void everythingDoneIsEverySkill() {
		long skills = this.roadmap.stages().stream().mapToLong((stage) -> stage.skills().size()).sum();

		AccountPrincipal learner = this.learners.learner().withEverythingDone().create();

		assertThat(this.progress.statusesOf(learner.id())).hasSize((int) skills)
			.containsValue(SkillStatus.DONE)
			.doesNotContainValue(SkillStatus.IN_PROGRESS);
	}

	@Test
	void aReviewRequestedGoesThroughTheReviewScenario() {
		Skill project = this.roadmap.stage("projects").orElseThrow().skills().get(0);

		AccountPrincipal learner = this.learners.learner().withReviewRequested(project).create();

		assertThat(this.progress.statusesOf(learner.id())).containsOnly(entry(project.id(), SkillStatus.DONE));
		assertThat(this.reviews.reviewOf(learner.id(), project.id()).state()).isEqualTo(ReviewState.REQUESTED);
	}

	@Test
	void inStageNeedsSkillsDoneBeforeIt() {
		assertThatIllegalStateException().isThrownBy(() -> this.learners.learner().inStage("databases"));
	}

}
