package dev.roadmap.progress.web;

import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Browser;
import dev.roadmap.test.BrowserTest;
import dev.roadmap.test.Learners;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticking skills off: in place with JavaScript (htmx swaps the row and the bar, the page
 * is never reloaded), by keyboard alone, and as plain forms with JavaScript switched off.
 */
@BrowserTest
class TickingBrowserTests {

	private static final String STAGE = "apis";

	@Autowired
	Learners learners;

	@Autowired
	RoadmapService roadmap;

	@Test
	void ticksThreeSkillsInPlaceWithoutReloadingThePage(Browser browser) {
		AccountPrincipal learner = this.learners.aLearner();
		List<Skill> skills = this.roadmap.stage(STAGE).orElseThrow().skills();
		logIn(browser, learner);
		browser.open("/stages/" + STAGE);
		browser.find("progress[data-stage=" + STAGE + "]");
		browser.script("window.roadmapMarker = 'the same page'");

		tick(browser, skills.get(0), "DONE");
		tick(browser, skills.get(1), "IN_PROGRESS");
		tick(browser, skills.get(2), "DONE");

		// 2 of 4 done
		browser.find("progress[data-stage=" + STAGE + "][value='50']");
		assertThat(browser.script("return window.roadmapMarker")).isEqualTo("the same page");
		browser.open("/stages/" + STAGE);
		assertThat(statusOf(browser, skills.get(1))).isEqualTo("IN_PROGRESS");
	}

	@Test
	void ticksASkillWithTheKeyboardAlone(Browser browser) {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.roadmap.stage(STAGE).orElseThrow().skills().get(3);
		logIn(browser, learner);
		browser.open("/stages/" + STAGE);

		// Arrow keys move through a radio group, and each choice is saved.
		browser.present("#status-" + skill.slug() + "-NOT_STARTED").sendKeys(Keys.ARROW_RIGHT);
		browser.find(selector(skill) + "[data-status=IN_PROGRESS]");
		browser.present("#status-" + skill.slug() + "-IN_PROGRESS").sendKeys(Keys.ARROW_RIGHT);
		browser.find(selector(skill) + "[data-status=DONE]");

		assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
			.as("focus stays on the radio group after the swap")
			.isEqualTo("status-" + skill.slug() + "-DONE");
	}

	@Test
	void ticksThreeSkillsAsPlainFormsWithJavaScriptOff(Browser browser) {
		Browser plain = browser.withoutJavaScript();
		AccountPrincipal learner = this.learners.aLearner();
		List<Skill> skills = this.roadmap.stage(STAGE).orElseThrow().skills();
		logIn(plain, learner);

		for (Skill skill : skills.subList(0, 3)) {
			plain.open("/stages/" + STAGE);
			plain.find(selector(skill) + " label[for=status-" + skill.slug() + "-DONE]").click();
			plain.find(selector(skill) + " form.status-form button[type=submit]").click();
			plain.waitUntil((driver) -> plain.currentPath().equals("/stages/" + STAGE + "#skill-" + skill.slug()));
			assertThat(plain.find(".flash").getText()).contains("is now Done");
			assertThat(statusOf(plain, skill)).isEqualTo("DONE");
		}
		// 3 of 4 done
		assertThat(plain.find("progress[data-stage=" + STAGE + "]").getDomAttribute("value")).isEqualTo("75");
	}

	@Test
	void notesSaveThemselvesWhileTheLearnerTypes(Browser browser) {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = this.roadmap.stage(STAGE).orElseThrow().skills().get(0);
		logIn(browser, learner);
		browser.open("/stages/" + STAGE);

		browser.find(selector(skill) + " details.note summary").click();
		browser.find("#note-text-" + skill.slug()).sendKeys("Use **Spring Boot** for the API");
		browser.waitUntil((driver) -> "Saved."
			.equals(driver.findElement(org.openqa.selenium.By.id("note-status-" + skill.slug())).getText()));
		assertThat(browser.find("#note-rendered-" + skill.slug() + " strong").getText()).isEqualTo("Spring Boot");

		browser.open("/stages/" + STAGE);
		assertThat(browser.find("#note-rendered-" + skill.slug() + " strong").getText()).isEqualTo("Spring Boot");
	}

	private static void tick(Browser browser, Skill skill, String status) {
		browser.find(selector(skill) + " label[for=status-" + skill.slug() + "-" + status + "]").click();
		browser.find(selector(skill) + "[data-status=" + status + "]");
	}

	private static String statusOf(Browser browser, Skill skill) {
		return browser.find(selector(skill)).getDomAttribute("data-status");
	}

	private static String selector(Skill skill) {
		return "[data-skill='" + skill.key() + "']";
	}

	private static void logIn(Browser browser, AccountPrincipal learner) {
		browser.open("/login");
		browser.find("#username").sendKeys(learner.getUsername());
		browser.find("#password").sendKeys(Learners.PASSWORD);
		browser.find("form.form button[type=submit]").click();
		browser.waitUntil((driver) -> browser.currentPath().equals("/"));
	}

}
