package dev.roadmap.system.development;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import javax.sql.DataSource;

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
import org.springframework.jdbc.core.simple.JdbcClient;

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
			assertThat(app.getEnvironment().getProperty("roadmap.mentor.stuck-nudge", Boolean.class))
				.as("the demo nudges nobody")
				.isFalse();
		}
	}

	@Test
	void theEmbeddedDatabaseWritesThroughToDisk() {
		try (ConfigurableApplicationContext app = start()) {
			JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));

			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
		}
	}

	@Test
	void aStartAfterACrashStopsTheServerTheCrashedRunLeftBehindAndKeepsItsData() throws Exception {
		long learnerId;
		try (ConfigurableApplicationContext app = start()) {
			learnerId = app.getBean(AccountService.class)
				.register("crash@example.com", "Cy", "a long enough password")
				.id();
		}
		// What a killed application leaves: its server still running on the directory,
		// with nobody connected.
		Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CrashingEmbeddedDatabase.class.getName(),
				this.dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(new InputStreamReader(crashed.getInputStream()))) {
			assertThat(output.lines().filter("started"::equals).findFirst()).as("the server started").isPresent();
			crashed.destroyForcibly().waitFor();
		}
		long orphan = Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).strip());
		assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphaned server").isPresent();

		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBean(AccountService.class).findByEmail("crash@example.com")).get()
				.satisfies((account) -> assertThat(account.id()).isEqualTo(learnerId));
			assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments, because they outrank application.properties.
		return new SpringApplicationBuilder(RoadmapApplication.class).run("--server.port=0",
				"--roadmap.embedded-database.directory=" + this.dataDirectory);
	}

}
