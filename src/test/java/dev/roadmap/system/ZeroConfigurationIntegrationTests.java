package dev.roadmap.system;

import java.nio.file.Path;
import java.util.EnumSet;

import dev.roadmap.RoadmapApplication;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-configuration default: with no database configured the application runs its
 * own PostgreSQL, seeds the demo accounts, and keeps everything across a restart.
 */
class ZeroConfigurationIntegrationTests {

	@TempDir
	Path dataDirectory;

	@Test
	void theEmbeddedDatabaseKeepsAccountsAndStatusesAcrossARestart() {
		long learnerId;
		Skill skill;
		try (ConfigurableApplicationContext app = start()) {
			AccountService accounts = app.getBean(AccountService.class);
			assertThat(accounts.findByEmail("learner@example.com")).get()
				.satisfies((account) -> assertThat(account.roles()).containsExactly(Role.LEARNER));
			assertThat(accounts.findByEmail("mentor@example.com")).get()
				.satisfies((account) -> assertThat(account.roles()).contains(Role.MENTOR));
			assertThat(accounts.findByEmail("admin@example.com")).get()
				.satisfies((account) -> assertThat(account.roles()).containsExactly(Role.ADMIN));
			learnerId = accounts.register("restart@example.com", "Rae", "a long enough password").id();
			skill = app.getBean(RoadmapService.class).stage("apis").orElseThrow().skills().get(0);
			app.getBean(ProgressService.class).setStatus(learnerId, skill, SkillStatus.DONE);
		}

		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(AccountService.class).findByEmail("restart@example.com")).get()
				.satisfies((account) -> assertThat(account.id()).isEqualTo(learnerId));
			assertThat(app.getBean(ProgressService.class).statusesOf(learnerId)).containsEntry(skill.id(),
					SkillStatus.DONE);
			assertThat(app.getBean(AccountService.class)
				.createIfAbsent("learner@example.com", "Again", DemoData.PASSWORD, EnumSet.of(Role.LEARNER)))
				.as("demo accounts are seeded once")
				.isEmpty();
		}
	}

	@Test
	void theDemoLearnerStartsWithSomeProgress() {
		try (ConfigurableApplicationContext app = start()) {
			long learner = app.getBean(AccountService.class).findByEmail("learner@example.com").orElseThrow().id();
			RoadmapService roadmap = app.getBean(RoadmapService.class);

			var progress = app.getBean(ProgressService.class).progressOf(learner, roadmap.stages());

			assertThat(progress.stage("what-is-backend").complete()).isTrue();
			assertThat(progress.stage("languages").done()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments, because they outrank application.properties.
		return new SpringApplicationBuilder(RoadmapApplication.class).run("--server.port=0",
				"--roadmap.embedded-database.directory=" + this.dataDirectory);
	}

}
