package dev.roadmap.test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

import org.springframework.boot.test.context.TestComponent;

/**
 * Creates users for tests, each with a unique e-mail address, through the modules' public
 * services: {@code learners.aLearner()} for anyone at all, and a builder for a learner
 * with a past:
 *
 * <pre class="code">
 * AccountPrincipal ada = learners.learner().named("Ada").withSkillsDone(3).inStage("databases").create();
 * </pre>
 *
 * Cohorts, mentors and reviews come from the {@link ReviewScenario}, which a learner's
 * {@link NewLearner#withReviewRequested review requests} go through.
 */
@TestComponent
public class Learners {

	public static final String PASSWORD = "correct horse battery";

	private final AccountService accounts;

	private final ProgressService progress;

	private final RoadmapService roadmap;

	private final ReviewScenario reviews;

	Learners(AccountService accounts, ProgressService progress, RoadmapService roadmap, ReviewScenario reviews) {
		this.accounts = accounts;
		this.progress = progress;
		this.roadmap = roadmap;
		this.reviews = reviews;
	}

	public static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	public AccountPrincipal aLearner() {
		return withRoles(EnumSet.of(Role.LEARNER));
	}

	public AccountPrincipal withRoles(Set<Role> roles) {
		return learner().withRoles(roles).create();
	}

	/**
	 * A learner to describe, then {@link NewLearner#create() create}: "Test User", with
	 * the learner role and nothing done, unless told otherwise.
	 */
	public NewLearner learner() {
		return new NewLearner();
	}

	/**
	 * A learner still to be created, and what they did, in the order given (each status a
	 * status change, as if the learner had clicked it).
	 */
	public final class NewLearner {

		private String displayName = "Test User";

		private Set<Role> roles = EnumSet.of(Role.LEARNER);

		private final List<Consumer<AccountPrincipal>> steps = new ArrayList<>();

		/**
		 * How many steps the last {@link #withSkillsDone(int)} added, for
		 * {@link #inStage}.
		 */
		private int lastDone;

		private NewLearner() {
		}

		public NewLearner named(String displayName) {
			this.displayName = displayName;
			return this;
		}

		/**
		 * These roles instead of the learner role alone.
		 */
		public NewLearner withRoles(Set<Role> roles) {
			this.roles = Set.copyOf(roles);
			return this;
		}

		public NewLearner withRoles(Role first, Role... others) {
			return withRoles(EnumSet.of(first, others));
		}

		/**
		 * The first {@code count} skills of the roadmap done, in its order; followed by
		 * {@link #inStage}, the first {@code count} of that stage.
		 */
		public NewLearner withSkillsDone(int count) {
			List<Skill> skills = Learners.this.roadmap.stages()
				.stream()
				.flatMap((stage) -> stage.skills().stream())
				.limit(count)
				.toList();
			if (skills.size() < count) {
				throw new IllegalArgumentException("The roadmap has only " + skills.size() + " skills");
			}
			done(skills);
			this.lastDone = count;
			return this;
		}

		/**
		 * Makes the skills of the {@link #withSkillsDone(int)} just before the first ones
		 * of this stage.
		 */
		public NewLearner inStage(String stage) {
			int count = this.lastDone;
			if (count == 0) {
				throw new IllegalStateException("inStage(...) says where withSkillsDone(...) are: call that first");
			}
			List<Skill> skills = stage(stage).skills();
			if (skills.size() < count) {
				throw new IllegalArgumentException("Stage " + stage + " has only " + skills.size() + " skills");
			}
			this.steps.subList(this.steps.size() - count, this.steps.size()).clear();
			done(skills.subList(0, count));
			this.lastDone = 0;
			return this;
		}

		/**
		 * Every skill of the stage done.
		 */
		public NewLearner withStageDone(String stage) {
			done(stage(stage).skills());
			return this;
		}

		/**
		 * Every skill of every stage done.
		 */
		public NewLearner withEverythingDone() {
			Learners.this.roadmap.stages().forEach((stage) -> done(stage.skills()));
			return this;
		}

		/**
		 * The skill set to this status, after the statuses given so far.
		 */
		public NewLearner with(Skill skill, SkillStatus status) {
			return step((learner) -> Learners.this.progress.setStatus(learner.id(), skill, status));
		}

		/**
		 * The skill done and its review requested, as
		 * {@link ReviewScenario#requestReview(AccountPrincipal, Skill)} does.
		 */
		public NewLearner withReviewRequested(Skill skill) {
			return step((learner) -> Learners.this.reviews.requestReview(learner, skill));
		}

		/**
		 * Creates the account and does the rest, through the application's services.
		 */
		public AccountPrincipal create() {
			Account account = Learners.this.accounts
				.createIfAbsent(uniqueEmail(), this.displayName, PASSWORD, this.roles)
				.orElseThrow();
			AccountPrincipal learner = new AccountPrincipal(account, null);
			this.steps.forEach((step) -> step.accept(learner));
			return learner;
		}

		private NewLearner step(Consumer<AccountPrincipal> step) {
			this.steps.add(step);
			this.lastDone = 0;
			return this;
		}

		private void done(List<Skill> skills) {
			skills.forEach((skill) -> with(skill, SkillStatus.DONE));
		}

		private Stage stage(String slug) {
			return Learners.this.roadmap.stage(slug)
				.orElseThrow(() -> new IllegalArgumentException("No stage " + slug));
		}

	}

}
