package dev.roadmap.progress.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.test.Browser;
import dev.roadmap.test.BrowserTest;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ProgressSummaries;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chromium.HasCdp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard of a learner with months of history, at a phone's width (360 px) and a
 * desktop's (1,440 px), light and dark: nothing overflows the page, the calendar scrolls
 * on its own on a phone and starts at today, and the two columns sit side by side on a
 * desktop. Screenshots go to {@code target/screenshots}.
 */
@BrowserTest
class DashboardBrowserTests {

	@Autowired
	Learners learners;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDashboardFitsAPhoneAndADesktopInLightAndDark(Browser browser) throws IOException {
		AccountPrincipal learner = this.learners.aLearner();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		writeHistory(learner, today);
		logIn(browser, learner);
		browser.open("/dashboard");
		browser.find("svg.heatmap");
		String todayCell = "rect[data-date='" + today + "']";

		for (String scheme : List.of("light", "dark")) {
			colorScheme(browser, scheme);

			viewport(browser, 360);
			assertThat(number(browser, "document.documentElement.scrollWidth")).as("page width at 360 px, " + scheme)
				.isLessThanOrEqualTo(360);
			assertThat(number(browser,
					"const s = document.querySelector('.heatmap-scroll'); " + "return s.scrollWidth - s.clientWidth"))
				.as("the calendar scrolls on its own")
				.isPositive();
			assertThat(number(browser,
					"const s = document.querySelector('.heatmap-scroll').getBoundingClientRect(); "
							+ "const c = document.querySelector(\"" + todayCell + "\").getBoundingClientRect(); "
							+ "return (c.left >= s.left && c.right <= s.right) ? 1 : 0"))
				.as("today's square is in view without scrolling")
				.isEqualTo(1);
			screenshot(browser, "dashboard-360-" + scheme);

			viewport(browser, 1440);
			assertThat(number(browser, "document.documentElement.scrollWidth")).as("page width at 1440 px, " + scheme)
				.isLessThanOrEqualTo(1440);
			assertThat(number(browser,
					"const s = document.querySelector('.heatmap-scroll'); " + "return s.scrollWidth - s.clientWidth"))
				.as("the whole calendar shows")
				.isLessThanOrEqualTo(0);
			assertThat(number(browser,
					"const p = document.querySelectorAll('.dashboard-columns')[1].children; "
							+ "return Math.abs(p[0].getBoundingClientRect().top - p[1].getBoundingClientRect().top)"))
				.as("stages and the line chart side by side")
				.isLessThan(2);
			screenshot(browser, "dashboard-1440-" + scheme);
		}
		colorScheme(browser, "light");
		String light = backgroundOf(browser, todayCell);
		colorScheme(browser, "dark");
		assertThat(backgroundOf(browser, todayCell)).as("calendar colours follow the colour scheme")
			.isNotEqualTo(light);
	}

	/**
	 * Seven months of irregular activity ending today, with three stages completed.
	 */
	private void writeHistory(AccountPrincipal learner, LocalDate today) {
		List<Stage> stages = this.roadmap.stages();
		List<Skill> skills = stages.stream().flatMap((stage) -> stage.skills().stream()).toList();
		int next = 0;
		for (int daysAgo = 210; daysAgo >= 0; daysAgo--) {
			int changes = (daysAgo * 7 % 11 < 4) ? 0 : daysAgo % 5;
			for (int i = 0; i < changes && next < 20; i++) {
				Skill skill = skills.get(next++);
				Instant at = today.minusDays(daysAgo).atTime(9 + i, 0).toInstant(ZoneOffset.UTC);
				event(learner, skill, "NOT_STARTED", "IN_PROGRESS", at);
				event(learner, skill, "IN_PROGRESS", (skill.slug().hashCode() % 7 == 0) ? "SKIPPED" : "DONE",
						at.plusSeconds(600));
			}
			if (next >= 20 && changes > 0) {
				Skill skill = skills.get(20 + daysAgo % 5);
				Instant at = today.minusDays(daysAgo).atTime(18, 0).toInstant(ZoneOffset.UTC);
				String status = this.jdbc.sql("select status from skill_status where user_id = :u and skill_id = :s")
					.param("u", learner.id())
					.param("s", skill.id())
					.query(String.class)
					.optional()
					.orElse("NOT_STARTED");
				event(learner, skill, status, status.equals("IN_PROGRESS") ? "NOT_STARTED" : "IN_PROGRESS", at);
			}
		}
	}

	private void event(AccountPrincipal learner, Skill skill, String from, String to, Instant at) {
		this.jdbc.sql("""
				insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
				values (:user, :skill, :from, :to, :at)""")
			.param("user", learner.id())
			.param("skill", skill.id())
			.param("from", from)
			.param("to", to)
			.param("at", Timestamp.from(at))
			.update();
		this.jdbc
			.sql("""
					insert into skill_status (user_id, skill_id, status, updated_at) values (:user, :skill, :to, :at)
					on conflict (user_id, skill_id) do update set status = excluded.status, updated_at = excluded.updated_at""")
			.param("user", learner.id())
			.param("skill", skill.id())
			.param("to", to)
			.param("at", Timestamp.from(at))
			.update();
		ProgressSummaries.refresh(this.jdbc, learner.id());
	}

	private static void logIn(Browser browser, AccountPrincipal user) {
		browser.open("/login");
		browser.find("#username").sendKeys(user.getUsername());
		browser.find("#password").sendKeys(Learners.PASSWORD);
		var button = browser.find("form.form button[type=submit]");
		button.click();
		browser.waitForNextPage(button);
	}

	private static void viewport(Browser browser, int width) {
		cdp(browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	private static void colorScheme(Browser browser, String scheme) {
		cdp(browser).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	private static HasCdp cdp(Browser browser) {
		return (HasCdp) browser.driver();
	}

	private static long number(Browser browser, String script) {
		String body = script.contains("return") ? script : "return " + script;
		return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(body)).longValue();
	}

	private static String backgroundOf(Browser browser, String css) {
		return (String) ((JavascriptExecutor) browser.driver())
			.executeScript("return getComputedStyle(document.querySelector(\"" + css + "\")).fill");
	}

	private static void screenshot(Browser browser, String name) throws IOException {
		long height = number(browser, "document.documentElement.scrollHeight");
		long width = number(browser, "window.innerWidth");
		cdp(browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
		Path directory = Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(directory.resolve(name + ".png"),
				((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
	}

}
