package dev.roadmap.system.development;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Demo data for the zero-configuration default, so a newcomer sees a living roadmap and
 * mentor page at once: three accounts, a cohort with learners at different points, a
 * waiting review request and a verified skill. Never runs against a configured database,
 * and seeds only once: accounts that exist are left as they are.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "roadmap-demo-2026";

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final AccountService accounts;

	private final RoadmapService roadmap;

	private final ProgressService progress;

	private final ReviewService reviews;

	private final ReviewDecisions decisions;

	private final CohortService cohorts;

	DemoData(AccountService accounts, RoadmapService roadmap, ProgressService progress, ReviewService reviews,
			ReviewDecisions decisions, CohortService cohorts) {
		this.accounts = accounts;
		this.roadmap = roadmap;
		this.progress = progress;
		this.reviews = reviews;
		this.decisions = decisions;
		this.cohorts = cohorts;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Account> learner = create("learner@example.com", "Dana Learner", Role.LEARNER);
		Optional<Account> mentor = create("mentor@example.com", "Morgan Mentor", Role.LEARNER, Role.MENTOR);
		create("admin@example.com", "Avery Admin", Role.ADMIN);
		if (learner.isPresent() && mentor.isPresent()) {
			seedCohort(learner.get(), mentor.get());
		}
		logger.info("Demo accounts (password '{}'): learner@example.com, mentor@example.com, admin@example.com",
				PASSWORD);
	}

	private Optional<Account> create(String email, String name, Role... roles) {
		return this.accounts.createIfAbsent(email, name, PASSWORD, EnumSet.copyOf(List.of(roles)));
	}

	private void seedCohort(Account learner, Account mentor) {
		List<Stage> stages = this.roadmap.stages();
		Cohort cohort = this.cohorts.create("Demo cohort");
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		this.cohorts.enrol(cohort.id(), learner.id());

		// Dana: stage 1 done with one skill verified, stage 2 started, a project waiting
		// for review.
		stages.get(0).skills().forEach((skill) -> done(learner, skill));
		Skill verified = stages.get(0).skills().get(0);
		this.reviews.requestReview(learner.id(), verified,
				new Evidence("https://github.com/example/backend-notes", null, "My notes on frontend vs backend."));
		this.decisions.claim(mentor.id(), learner.id(), verified.id());
		this.decisions.approve(mentor.id(), learner.id(), verified, 1, "Clear notes: verified.");
		done(learner, stages.get(1).skills().get(0));
		this.progress.setStatus(learner.id(), stages.get(1).skills().get(1), SkillStatus.IN_PROGRESS);
		Skill project = this.roadmap.stage("projects").orElse(stages.get(stages.size() - 1)).skills().get(0);
		done(learner, project);
		this.reviews.requestReview(learner.id(), project, new Evidence("https://github.com/example/todo-app",
				"https://todo.example.com", "Sign-up, login, and a to-do list per user, stored in PostgreSQL."));

		// Two more learners, one well ahead and one just starting.
		Account ahead = create("sam@example.com", "Sam Ahead", Role.LEARNER).orElseThrow();
		this.cohorts.enrol(cohort.id(), ahead.id());
		stages.subList(0, 4).forEach((stage) -> stage.skills().forEach((skill) -> done(ahead, skill)));
		Account starting = create("robin@example.com", "Robin Starting", Role.LEARNER).orElseThrow();
		this.cohorts.enrol(cohort.id(), starting.id());
		this.progress.setStatus(starting.id(), stages.get(0).skills().get(0), SkillStatus.IN_PROGRESS);
	}

	private void done(Account learner, Skill skill) {
		this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);
	}

}
