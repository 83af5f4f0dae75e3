package dev.roadmap.system;

import java.util.EnumSet;
import java.util.List;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
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
 * Demo accounts for the zero-configuration default, so a newcomer can log in at once.
 * Never runs against a configured database. Accounts that exist are left as they are.
 */
@Component
@Conditional(EmbeddedDatabaseCondition.class)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "roadmap-demo-2026";

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final AccountService accounts;

	private final RoadmapService roadmap;

	private final ProgressService progress;

	DemoData(AccountService accounts, RoadmapService roadmap, ProgressService progress) {
		this.accounts = accounts;
		this.roadmap = roadmap;
		this.progress = progress;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.accounts.createIfAbsent("learner@example.com", "Dana Learner", PASSWORD, EnumSet.of(Role.LEARNER))
			.ifPresent(this::giveAHeadStart);
		this.accounts.createIfAbsent("mentor@example.com", "Morgan Mentor", PASSWORD,
				EnumSet.of(Role.LEARNER, Role.MENTOR));
		this.accounts.createIfAbsent("admin@example.com", "Avery Admin", PASSWORD, EnumSet.of(Role.ADMIN));
		logger.info("Demo accounts (password '{}'): learner@example.com, mentor@example.com, admin@example.com",
				PASSWORD);
	}

	/**
	 * The demo learner has finished the first stage and started the second, so the
	 * progress bars have something to show.
	 */
	private void giveAHeadStart(Account learner) {
		List<Stage> stages = this.roadmap.stages();
		if (stages.size() < 2) {
			return;
		}
		stages.get(0).skills().forEach((skill) -> this.progress.setStatus(learner.id(), skill, SkillStatus.DONE));
		List<Skill> second = stages.get(1).skills();
		this.progress.setStatus(learner.id(), second.get(0), SkillStatus.DONE);
		this.progress.setStatus(learner.id(), second.get(1), SkillStatus.IN_PROGRESS);
	}

}
