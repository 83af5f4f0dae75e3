package dev.roadmap.mentoring;

import java.util.EnumSet;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Browser;
import dev.roadmap.test.BrowserTest;
import dev.roadmap.test.Learners;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project review from start to end in a real browser, as issues 3 and 11 tell it: the
 * learner submits iteration 1 of a stage-7 project, the mentor claims it and asks for
 * changes with a comment, the learner reads it, replies and submits iteration 2, the
 * mentor answers the reply, sees what changed between the iterations and approves with a
 * comment, and the learner sees the skill verified and the whole history.
 */
@BrowserTest
class ReviewFlowBrowserTests {

	private static final String STAGE = "projects";

	@Autowired
	Learners learners;

	@Autowired
	CohortService cohorts;

	@Autowired
	RoadmapService roadmap;

	@Test
	void learnerGetsAProjectVerifiedAfterMakingTheChangesTheMentorAskedFor(Browser browser) {
		Skill project = this.roadmap.stage(STAGE).orElseThrow().skills().get(0);
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = this.cohorts.create("Browser cohort " + UUID.randomUUID());
		this.cohorts.enrol(cohort.id(), learner.id());
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		String review = learner.id() + "/" + project.id();
		String changes = "Please add tests for the sign-up form.";
		String reply = "Done: the sign-up form has tests now.";
		String answer = "Thanks, I am looking at them now.";
		String praise = "Well tested: verified.";

		// The learner marks the project done and submits it.
		logIn(browser, learner);
		browser.open("/stages/" + STAGE);
		skill(browser, project).findElement(By.cssSelector("label[for=status-" + project.slug() + "-DONE]")).click();
		browser.find("[data-skill='" + STAGE + "/" + project.slug() + "'][data-status=DONE] details.evidence-form");

		WebElement summary = skill(browser, project).findElement(By.cssSelector("details.evidence-form summary"));
		assertThat(summary.getText()).isEqualTo("Attach evidence and ask for a review");
		summary.click();
		browser.find("#url-" + project.slug()).sendKeys("https://git.example.com/dana/todo");
		browser.find("#live-" + project.slug()).sendKeys("https://todo.example.com/");
		browser.find("#note-" + project.slug()).sendKeys("A to-do list with accounts, backed by PostgreSQL.");
		WebElement requestReview = skill(browser, project)
			.findElement(By.cssSelector("details.evidence-form button[type=submit]"));
		assertThat(requestReview.getText()).isEqualTo("Request review");
		submit(browser, requestReview);
		waitForPath(browser, "/stages/" + STAGE + "#skill-" + project.slug());
		assertThat(browser.find(skillCss(project) + " .badge-waiting").getText()).contains("Review requested");
		logOut(browser);

		// The mentor finds it in the queue, claims it and asks for changes.
		logIn(browser, mentor);
		openFromQueue(browser, review);
		assertThat(browser.find(".evidence").getText()).contains("https://git.example.com/dana/todo",
				"https://todo.example.com/", "A to-do list with accounts, backed by PostgreSQL.");
		claim(browser);
		browser.find("#changes-comment").sendKeys(changes);
		submit(browser, browser.find("form[action$='/changes'] button[type=submit]"));
		waitForPath(browser, "/mentor");
		assertThat(browser.find(".flash").getText()).contains(project.title());
		assertThat(browser.driver().findElements(By.cssSelector("tr[data-review='" + review + "']"))).isEmpty();
		logOut(browser);

		// The learner reads the comment, replies and asks again.
		logIn(browser, learner);
		browser.open("/stages/" + STAGE);
		assertThat(browser.find(skillCss(project) + " .badge-changes").getText()).contains("Changes requested");
		assertThat(browser.find(skillCss(project) + " .comments").getText()).contains(changes);
		browser.find("#comment-" + project.slug()).sendKeys(reply);
		submit(browser, skill(browser, project).findElement(By.cssSelector("form[action$='/comments'] button")));
		waitForPath(browser, "/stages/" + STAGE + "#skill-" + project.slug());
		assertThat(browser.find(skillCss(project) + " .comments").getText()).contains(changes, reply);
		WebElement details = skill(browser, project).findElement(By.cssSelector("details.evidence-form"));
		assertThat(details.getDomAttribute("open")).isNotNull();
		WebElement url = browser.find("#url-" + project.slug());
		assertThat(url.getDomProperty("value")).isEqualTo("https://git.example.com/dana/todo");
		url.clear();
		url.sendKeys("https://git.example.com/dana/todo-tested");
		requestReview = details.findElement(By.cssSelector("button[type=submit]"));
		assertThat(requestReview.getText()).isEqualTo("Request review");
		submit(browser, requestReview);
		waitForPath(browser, "/stages/" + STAGE + "#skill-" + project.slug());
		assertThat(browser.find(skillCss(project) + " .badge-waiting").getText()).contains("Review requested");
		logOut(browser);

		// The mentor sees the reply and what iteration 2 changed, answers, and approves.
		logIn(browser, mentor);
		openFromQueue(browser, review);
		assertThat(browser.find(".iterations [data-iteration='1'] .comments").getText()).contains(changes, reply);
		assertThat(browser.find("[data-changes-since='1'] tr[data-changed='url']").getText())
			.contains("https://git.example.com/dana/todo", "https://git.example.com/dana/todo-tested");
		browser.find("#comment").sendKeys(answer);
		submit(browser, browser.find("form[action$='/comments'] button[type=submit]"));
		waitForPath(browser, "/mentor/reviews/" + review);
		assertThat(browser.find(".iterations [data-iteration='2'] .comments").getText()).contains(answer);
		claim(browser);
		browser.find("#approve-comment").sendKeys(praise);
		submit(browser, browser.find("form[action$='/approve'] button[type=submit]"));
		waitForPath(browser, "/mentor");
		assertThat(browser.driver().findElements(By.cssSelector("tr[data-review='" + review + "']"))).isEmpty();
		logOut(browser);

		// The learner sees the project verified.
		logIn(browser, learner);
		browser.open("/stages/" + STAGE);
		assertThat(browser.find(skillCss(project) + " .badge-verified").getText()).contains("Verified");
		assertThat(skill(browser, project).getDomAttribute("data-status")).isEqualTo("DONE");
		assertThat(browser.driver().findElements(By.cssSelector(skillCss(project) + " .badge-waiting"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector(skillCss(project) + " details.evidence-form")))
			.isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector(skillCss(project) + " .iterations [data-iteration]")))
			.hasSize(2);
		assertThat(browser.find(skillCss(project) + " [data-iteration='1'] .comments").getText()).contains(changes,
				reply);
		assertThat(browser.find(skillCss(project) + " [data-iteration='2'] .comments").getText()).contains(answer,
				praise);
	}

	private static void openFromQueue(Browser browser, String review) {
		browser.open("/mentor");
		WebElement open = browser.find("tr[data-review='" + review + "'] a");
		assertThat(open.getText()).isEqualTo("Open");
		open.click();
		waitForPath(browser, "/mentor/reviews/" + review);
	}

	private static void claim(Browser browser) {
		String path = browser.currentPath();
		WebElement claim = browser.find("form[action$='/claim'] button[type=submit]");
		assertThat(claim.getText()).isEqualTo("Claim this review");
		submit(browser, claim);
		waitForPath(browser, path);
		assertThat(browser.find(".flash").getText()).startsWith("You have claimed");
	}

	private static void logIn(Browser browser, AccountPrincipal user) {
		browser.open("/login");
		browser.find("#username").sendKeys(user.getUsername());
		browser.find("#password").sendKeys(Learners.PASSWORD);
		submit(browser, browser.find("form.form button[type=submit]"));
		waitForPath(browser, "/");
		assertThat(browser.find(".who").getText()).contains(user.displayName());
	}

	private static void logOut(Browser browser) {
		WebElement logOut = browser.find(".site-header button.link-button");
		assertThat(logOut.getText()).isEqualTo("Log out");
		submit(browser, logOut);
		waitForPath(browser, "/?loggedOut");
	}

	/**
	 * Presses a form's button and waits for the page it leads to.
	 */
	private static void submit(Browser browser, WebElement button) {
		button.click();
		browser.waitForNextPage(button);
	}

	private static WebElement skill(Browser browser, Skill skill) {
		return browser.find(skillCss(skill));
	}

	private static String skillCss(Skill skill) {
		return "[data-skill='" + skill.key() + "']";
	}

	private static void waitForPath(Browser browser, String path) {
		browser.waitUntil((driver) -> browser.currentPath().equals(path));
	}

}
