package dev.roadmap.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.PublicPageService;
import dev.roadmap.account.Role;
import dev.roadmap.admin.Actor;
import dev.roadmap.admin.internal.CohortAdministration;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.notification.WebhookEndpoint;
import dev.roadmap.notification.WebhookEvent;
import dev.roadmap.notification.WebhookService;
import dev.roadmap.progress.NoteService;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Browser;
import dev.roadmap.test.BrowserTest;
import dev.roadmap.test.Learners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the application, as each kind of user sees it, passes axe-core's WCAG 2.2
 * AA rules with no violation, in light mode and in dark mode. The pages show real data
 * (progress, evidence, a review conversation, a note, a waiting review, a public page,
 * cohorts, audit entries), so that what the data adds is checked too.
 */
@BrowserTest
class AccessibilityBrowserTests {

	private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final List<String> SCHEMES = List.of("light", "dark");

	private static final String STAGE = "projects";

	private static final Set<String> checked = Collections.synchronizedSet(new LinkedHashSet<>());

	@Autowired
	Learners learners;

	@Autowired
	PublicPageService publicPages;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	WebhookService webhooks;

	@Autowired
	CohortService cohorts;

	@Autowired
	CohortAdministration cohortAdministration;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	NoteService notes;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void listThePagesChecked() {
		System.out.println("Accessibility (axe-core, WCAG 2.2 AA, light and dark), " + checked.size()
				+ " pages checked:\n  " + String.join("\n  ", checked));
	}

	@Test
	void anonymousPagesHaveNoViolations(Browser browser) {
		AccountPrincipal someone = this.learners.aLearner();
		String resetToken = resetTokenFor(someone);
		String handle = publicPageOf(someone);
		List<String> violations = new ArrayList<>();

		check(browser, "anonymous", "/", violations);
		check(browser, "anonymous", "/stages/" + STAGE, violations);
		check(browser, "anonymous", "/login", violations);
		check(browser, "anonymous", "/login?error", violations);
		check(browser, "anonymous", "/register", violations);
		submit(browser, browser.find("form.form button[type=submit]"));
		check(browser, "anonymous", "/register (with errors)", violations);
		check(browser, "anonymous", "/password-reset", violations);
		check(browser, "anonymous", "/password-reset?sent", violations);
		check(browser, "anonymous", "/password-reset/" + resetToken, violations);
		check(browser, "anonymous", "/password-reset/no-such-token", violations);
		check(browser, "anonymous", "/u/" + handle, violations);
		check(browser, "anonymous", "/stages/no-such-stage", violations);

		assertNoViolations(violations);
	}

	@Test
	void learnerPagesHaveNoViolations(Browser browser) {
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Cohort cohort = this.cohorts.create("Accessibility cohort " + UUID.randomUUID());
		this.cohorts.enrol(cohort.id(), learner.id());
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		List<Skill> skills = this.roadmap.stage(STAGE).orElseThrow().skills();
		// A done project with evidence, a conversation and a note; a verified one; one
		// under way.
		Skill project = skills.get(0);
		this.progress.setStatus(learner.id(), project, SkillStatus.DONE);
		this.reviews.requestReview(learner.id(), project, new Evidence("https://git.example.com/dana/todo",
				"https://todo.example.com/", "A to-do list with accounts, backed by PostgreSQL."));
		this.decisions.claim(mentor.id(), learner.id(), project.id());
		this.decisions.requestChanges(mentor.id(), learner.id(), project,
				this.reviews.reviewOf(learner.id(), project.id()).iteration(),
				"Please add tests for the sign-up form.");
		this.reviews.reply(learner.id(), project, "Done: the sign-up form has tests now.");
		this.notes.save(learner.id(), project, "# What I learnt\n\n- **Flyway** migrations\n- `@Transactional`");
		Skill verified = skills.get(1);
		this.progress.setStatus(learner.id(), verified, SkillStatus.DONE);
		this.reviews.requestReview(learner.id(), verified,
				new Evidence("https://git.example.com/dana/blog", null, "A blog engine."));
		this.decisions.claim(mentor.id(), learner.id(), verified.id());
		this.decisions.approve(mentor.id(), learner.id(), verified,
				this.reviews.reviewOf(learner.id(), verified.id()).iteration(), null);
		this.progress.setStatus(learner.id(), skills.get(2), SkillStatus.IN_PROGRESS);
		String handle = publicPageOf(learner);
		List<String> violations = new ArrayList<>();

		logIn(browser, learner);
		check(browser, "learner", "/", violations);
		check(browser, "learner", "/stages/" + STAGE, violations);
		check(browser, "learner", "/dashboard", violations);
		check(browser, "learner", "/account", violations);
		check(browser, "learner", "/notifications", violations);
		check(browser, "learner", "/u/" + handle, violations);
		check(browser, "learner", "/no-such-page", violations);

		assertNoViolations(violations);
	}

	@Test
	void mentorPagesHaveNoViolations(Browser browser) {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal other = this.learners.aLearner();
		Cohort cohort = this.cohorts.create("Accessibility cohort " + UUID.randomUUID());
		this.cohorts.enrol(cohort.id(), learner.id());
		this.cohorts.enrol(cohort.id(), other.id());
		this.cohorts.assignMentor(cohort.id(), mentor.id());
		Skill project = this.roadmap.stage(STAGE).orElseThrow().skills().get(0);
		this.progress.setStatus(learner.id(), project, SkillStatus.DONE);
		this.reviews.requestReview(learner.id(), project, new Evidence("https://git.example.com/sam/shop",
				"https://shop.example.com/", "A shop with a basket and payments."));
		this.reviews.reply(learner.id(), project, "The payments are a sandbox.");
		this.progress.setStatus(other.id(), project, SkillStatus.IN_PROGRESS);
		String review = "/mentor/reviews/" + learner.id() + "/" + project.id();
		List<String> violations = new ArrayList<>();

		logIn(browser, mentor);
		check(browser, "mentor", "/", violations);
		check(browser, "mentor", "/mentor", violations);
		check(browser, "mentor", "/mentor/learners/" + learner.id(), violations);
		check(browser, "mentor", review, violations);
		submit(browser, browser.find("form[action$='/claim'] button[type=submit]"));
		check(browser, "mentor", review + " (claimed)", violations);
		check(browser, "mentor", "/notifications", violations);
		check(browser, "mentor", "/account", violations);

		assertNoViolations(violations);
	}

	@Test
	void adminPagesHaveNoViolations(Browser browser) {
		AccountPrincipal admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
		AccountPrincipal learner = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Actor actor = Actor.of(admin);
		Cohort cohort = this.cohortAdministration.create(actor, "Accessibility cohort " + UUID.randomUUID());
		this.cohortAdministration.enrol(actor, cohort.id(), learner.getUsername());
		this.cohortAdministration.assignMentor(actor, cohort.id(), mentor.getUsername());
		List<String> violations = new ArrayList<>();

		logIn(browser, admin);
		check(browser, "admin", "/admin", violations);
		check(browser, "admin", "/admin/users", violations);
		check(browser, "admin", "/admin/users/" + learner.id(), violations);
		check(browser, "admin", "/admin/cohorts", violations);
		check(browser, "admin", "/admin/cohorts/" + cohort.id(), violations);
		check(browser, "admin", "/admin/cohorts/" + cohort.id() + "/archive", violations);
		check(browser, "admin", "/admin/audit", violations);
		// For a cohort with no learners, so that no other test's event goes there.
		WebhookEndpoint endpoint = this.webhooks.create("https://chat.example.com/hooks/a11y", "Team chat", cohort.id(),
				EnumSet.of(WebhookEvent.REVIEW_REQUESTED));
		try {
			this.webhooks.sendTest(endpoint.id(), admin.displayName());
			this.webhooks.setActive(endpoint.id(), false);
			check(browser, "admin", "/admin/webhooks", violations);
			check(browser, "admin", "/admin/webhooks/" + endpoint.id(), violations);
		}
		finally {
			this.webhooks.delete(endpoint.id());
		}

		assertNoViolations(violations);
	}

	/**
	 * Opens the page (unless the page is the one the browser shows, named with a
	 * parenthesised state) and runs axe on it in each colour scheme, adding what it finds
	 * to the violations.
	 */
	private void check(Browser browser, String persona, String page, List<String> violations) {
		String path = page.replaceFirst(" \\(.*\\)$", "");
		if (page.equals(path)) {
			browser.open(path);
		}
		browser.present("main");
		// Check what closed disclosures hide too: forms, the numbers behind charts.
		browser.script("document.querySelectorAll('details').forEach((details) => details.open = true)");
		for (String scheme : SCHEMES) {
			browser.emulateColorScheme(scheme);
			assertThat(browser.script("return matchMedia('(prefers-color-scheme: " + scheme + ")').matches"))
				.as("the browser emulates the %s colour scheme", scheme)
				.isEqualTo(true);
			Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser.driver());
			assertThat(results.isErrored()).as("axe ran on %s: %s", page, results.getErrorMessage()).isFalse();
			for (Rule rule : results.getViolations()) {
				violations.add(describe(rule, persona, page, scheme));
			}
		}
		checked.add(persona + " " + page + ": " + browser.driver().getTitle());
	}

	private static String describe(Rule rule, String persona, String page, String scheme) {
		String nodes = rule.getNodes()
			.stream()
			.map((node) -> "      " + node.getTarget() + ": "
					+ String.valueOf(node.getFailureSummary()).replace("\n", " ").replaceAll("\\s+", " "))
			.collect(Collectors.joining("\n"));
		return rule.getId() + " (" + rule.getImpact() + ") on " + page + " as " + persona + ", " + scheme + ": "
				+ rule.getHelp() + "\n" + nodes;
	}

	private static void assertNoViolations(List<String> violations) {
		assertThat(violations)
			.withFailMessage(() -> violations.size() + " axe violation(s):\n" + String.join("\n", violations))
			.isEmpty();
	}

	private static void logIn(Browser browser, AccountPrincipal user) {
		browser.open("/login");
		browser.find("#username").sendKeys(user.getUsername());
		browser.find("#password").sendKeys(Learners.PASSWORD);
		submit(browser, browser.find("form.form button[type=submit]"));
		assertThat(browser.currentPath()).doesNotStartWith("/login");
	}

	/**
	 * Presses a form's button and waits for the page it leads to.
	 */
	private static void submit(Browser browser, WebElement button) {
		button.click();
		browser.waitForNextPage(button);
	}

	/**
	 * Turns the user's public progress page on, under a new handle.
	 */
	private String publicPageOf(AccountPrincipal user) {
		String handle = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
		this.publicPages.setPublicPage(user.id(), true, handle);
		return handle;
	}

	/**
	 * A valid password reset link's token for the user, made as the e-mail's is: only its
	 * SHA-256 hash is stored.
	 */
	private String resetTokenFor(AccountPrincipal user) {
		String token = UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("insert into password_reset_token (user_id, token_hash) values (:user, :hash)")
			.param("user", user.id())
			.param("hash", sha256(token))
			.update();
		return token;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
