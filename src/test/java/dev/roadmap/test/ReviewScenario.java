package dev.roadmap.test;

import java.util.EnumSet;
import java.util.UUID;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;

/**
 * People, cohorts and reviews for tests (a learner asking, a mentor answering), built
 * through the modules' public services. Every user and cohort is new, so tests sharing a
 * database never see each other's data. Integration tests have one to autowire.
 */
@TestComponent
public final class ReviewScenario {

	private final AccountService accounts;

	private final CohortService cohorts;

	private final ProgressService progress;

	private final ReviewService reviews;

	private final ReviewDecisions decisions;

	private final RoadmapService roadmap;

	public ReviewScenario(ApplicationContext context) {
		this.accounts = context.getBean(AccountService.class);
		this.cohorts = context.getBean(CohortService.class);
		this.progress = context.getBean(ProgressService.class);
		this.reviews = context.getBean(ReviewService.class);
		this.decisions = context.getBean(ReviewDecisions.class);
		this.roadmap = context.getBean(RoadmapService.class);
	}

	public AccountPrincipal learner(String displayName) {
		return user(displayName, EnumSet.of(Role.LEARNER));
	}

	public AccountPrincipal mentor(String displayName) {
		return user(displayName, EnumSet.of(Role.MENTOR));
	}

	public AccountPrincipal user(String displayName, EnumSet<Role> roles) {
		Account account = this.accounts.createIfAbsent(Learners.uniqueEmail(), displayName, Learners.PASSWORD, roles)
			.orElseThrow();
		return new AccountPrincipal(account, null);
	}

	public String emailOf(AccountPrincipal user) {
		return user.getUsername();
	}

	/**
	 * A new active cohort with these learners and mentors.
	 */
	public long cohort(AccountPrincipal[] learners, AccountPrincipal... mentors) {
		long cohort = this.cohorts.create("Cohort " + UUID.randomUUID()).id();
		for (AccountPrincipal learner : learners) {
			this.cohorts.enrol(cohort, learner.id());
		}
		for (AccountPrincipal mentor : mentors) {
			this.cohorts.assignMentor(cohort, mentor.id());
		}
		return cohort;
	}

	public long cohort(AccountPrincipal learner, AccountPrincipal... mentors) {
		return cohort(new AccountPrincipal[] { learner }, mentors);
	}

	public void archive(long cohort) {
		this.cohorts.setArchived(cohort, true);
	}

	public Skill skill(String stage, int index) {
		return this.roadmap.stage(stage).orElseThrow().skills().get(index);
	}

	/**
	 * Marks the skill done and asks for a review of it.
	 */
	public void requestReview(AccountPrincipal learner, Skill skill) {
		this.progress.setStatus(learner.id(), skill, SkillStatus.DONE);
		this.reviews.requestReview(learner.id(), skill,
				new Evidence("https://github.com/example/" + skill.slug(), null, "What I built"));
	}

	public void setStatus(AccountPrincipal learner, Skill skill, SkillStatus status) {
		this.progress.setStatus(learner.id(), skill, status);
	}

	public void comment(AccountPrincipal learner, Skill skill, AccountPrincipal author, String text) {
		this.decisions.comment(author.id(), learner.id(), skill, text);
	}

	public void requestChanges(AccountPrincipal learner, Skill skill, AccountPrincipal mentor) {
		this.decisions.claim(mentor.id(), learner.id(), skill.id());
		this.decisions.requestChanges(mentor.id(), learner.id(), skill,
				this.reviews.reviewOf(learner.id(), skill.id()).iteration(), "Please add tests.");
	}

	public void approve(AccountPrincipal learner, Skill skill, AccountPrincipal mentor) {
		this.decisions.claim(mentor.id(), learner.id(), skill.id());
		this.decisions.approve(mentor.id(), learner.id(), skill,
				this.reviews.reviewOf(learner.id(), skill.id()).iteration(), null);
	}

	public ReviewService reviews() {
		return this.reviews;
	}

}
