package dev.roadmap.progress.web;

import java.util.List;

import dev.roadmap.test.Browser;
import dev.roadmap.test.BrowserTest;
import dev.roadmap.test.Learners;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roadmap as a learner and a visitor see it in a real browser: sign up, tick off a
 * skill, and find it still ticked after logging in again.
 */
@BrowserTest
class RoadmapBrowserTests {

	private static final String PASSWORD = "a long enough browser password";

	private static final String STAGE = "databases";

	private static final String SKILL = "relational-databases";

	@Test
	void learnerRegistersTicksASkillAndFindsItDoneAfterLoggingInAgain(Browser browser) {
		String email = Learners.uniqueEmail();
		browser.open("/register");
		browser.find("#email").sendKeys(email);
		browser.find("#displayName").sendKeys("Browser Learner");
		browser.find("#password").sendKeys(PASSWORD);
		browser.find("form.form button[type=submit]").click();
		waitForPath(browser, "/");
		assertThat(browser.find(".flash").getText()).contains("Welcome aboard");
		assertThat(browser.find(".who").getText()).contains("Browser Learner");

		browser.find("[data-stage-card=" + STAGE + "] h2 a").click();
		waitForPath(browser, "/stages/" + STAGE);
		assertThat(progressOf(browser)).isZero();
		assertThat(skill(browser).getDomAttribute("data-status")).isEqualTo("NOT_STARTED");

		// Choosing a status saves it at once: htmx swaps the row and the bar in place.
		skill(browser).findElement(By.cssSelector("label[for=status-" + SKILL + "-DONE]")).click();
		browser.find("[data-skill='" + STAGE + "/" + SKILL + "'][data-status=DONE]");
		assertThat(browser.driver().findElement(By.id("status-announcement")).getDomProperty("textContent"))
			.contains("is now Done");
		// 1 of 6 skills done, none skipped: 16%, rounded down
		assertThat(progressOf(browser)).isEqualTo(16);

		WebElement logOut = browser.find(".site-header button.link-button");
		assertThat(logOut.getText()).isEqualTo("Log out");
		logOut.click();
		waitForPath(browser, "/?loggedOut");
		assertThat(browser.driver().findElements(By.cssSelector(".who"))).isEmpty();

		browser.open("/login");
		browser.find("#username").sendKeys(email);
		browser.find("#password").sendKeys(PASSWORD);
		browser.find("form.form button[type=submit]").click();
		waitForPath(browser, "/");
		assertThat(browser.find(".who").getText()).contains("Browser Learner");
		assertThat(progressOf(browser)).isEqualTo(16);

		browser.open("/stages/" + STAGE);
		assertThat(skill(browser).getDomAttribute("data-status")).isEqualTo("DONE");
		assertThat(skill(browser).findElement(By.cssSelector("input[value=DONE]")).isSelected()).isTrue();
		assertThat(progressOf(browser)).isEqualTo(16);
	}

	@Test
	void visitorSeesEverySkillNotStartedAndIsAskedToLogInToTrackIt(Browser browser) {
		browser.open("/stages/" + STAGE);
		browser.find("[data-skill='" + STAGE + "/" + SKILL + "']");
		List<WebElement> skills = browser.driver().findElements(By.cssSelector("[data-skill]"));
		assertThat(skills).hasSize(6)
			.allSatisfy((skill) -> assertThat(skill.getDomAttribute("data-status")).isEqualTo("NOT_STARTED"));
		assertThat(browser.driver().findElements(By.cssSelector("form.status-form"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("progress[data-stage]"))).isEmpty();
		assertThat(skills).allSatisfy((skill) -> {
			WebElement link = skill.findElement(By.cssSelector(".status-login a"));
			assertThat(link.getText()).isEqualTo("Log in to track this skill");
			assertThat(link.getDomAttribute("href")).isEqualTo("/login");
		});
	}

	private static WebElement skill(Browser browser) {
		return browser.find("[data-skill='" + STAGE + "/" + SKILL + "']");
	}

	private static int progressOf(Browser browser) {
		return Integer.parseInt(browser.find("progress[data-stage=" + STAGE + "]").getDomAttribute("value"));
	}

	private static void waitForPath(Browser browser, String path) {
		browser.waitUntil((driver) -> browser.currentPath().equals(path));
	}

}
