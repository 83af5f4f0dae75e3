package dev.roadmap.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.PublicPageService;
import dev.roadmap.account.Role;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.cache.ICacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving a page throws no exception, not even one caught on the way: an exception costs
 * its stack trace on every request, and one thrown in a loop of the rendering is a bug
 * that only shows as slowness. The case that made this test: Thymeleaf caches an
 * expression by its text, and Spring EL's compiler turned a warm expression into bytecode
 * for the types it had seen. One text over two types (two forms' {@code *{name}}, a loop
 * variable named alike over two kinds of rows) failed in that bytecode on the other type,
 * went back to interpreting and was compiled again a hundred evaluations later: a
 * {@code ClassCastException} and a new class every few requests, without end.
 * <p>
 * Every page is served in turns over HTTP, more often than the compiler needs to compile
 * a warm expression, while Java Flight Recorder records every exception thrown inside the
 * servlet filter chain, that is while a request is served.
 */
@RoadmapIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesThrowNothingIntegrationTests {

	/**
	 * Rounds over all pages: Spring EL compiles an expression after 100 evaluations, and
	 * each expression here is evaluated at least once a round.
	 */
	private static final int ROUNDS = 120;

	private static final String SERVLET_FILTER_CHAIN = "org.apache.catalina.core.ApplicationFilterChain";

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	ReviewScenario scenario;

	@Autowired
	PublicPageService publicPages;

	@Autowired
	SpringTemplateEngine templates;

	private List<Page> pages;

	@BeforeAll
	void everyPageServedOnce() throws Exception {
		this.pages = pagesWithEverythingOnThem();
		for (Page page : this.pages) {
			serve(page);
		}
	}

	@Test
	void noPageThrowsAnExceptionWhileItIsServed(@TempDir Path directory) throws Exception {
		List<Page> pages = this.pages;

		List<RecordedEvent> thrown;
		try (Recording recording = new Recording()) {
			recording.enable("jdk.JavaExceptionThrow").withStackTrace();
			recording.start();
			for (int round = 0; round < ROUNDS; round++) {
				for (Page page : pages) {
					serve(page);
				}
			}
			recording.stop();
			Path file = directory.resolve("exceptions.jfr");
			recording.dump(file);
			thrown = RecordingFile.readAllEvents(file);
			Files.delete(file);
		}

		List<String> whileServing = thrown.stream()
			.filter(PagesThrowNothingIntegrationTests::whileARequestWasServed)
			.map(PagesThrowNothingIntegrationTests::describe)
			.toList();
		Map<String, Long> counted = whileServing.stream()
			.collect(Collectors.groupingBy((description) -> description, Collectors.counting()));
		assertThat(counted).as("exceptions thrown while %d pages were served %d times", pages.size(), ROUNDS).isEmpty();
	}

	@Test
	void thymeleafsCachesHoldEveryPagesTemplatesAndExpressions() {
		ICacheManager caches = this.templates.getCacheManager();

		// Well below the limits: a new page must not push another's expressions out.
		assertThat(caches.getExpressionCache().keySet().size()).as("expressions of %d pages", this.pages.size())
			.isGreaterThan(0)
			.isLessThan(TemplateCaches.EXPRESSIONS / 2);
		assertThat(caches.getTemplateCache().keySet().size())
			.as("templates and fragments of %d pages", this.pages.size())
			.isLessThan(TemplateCaches.TEMPLATES / 2);
	}

	private List<Page> pagesWithEverythingOnThem() throws Exception {
		AccountPrincipal mentor = this.scenario.mentor("Mentor");
		AccountPrincipal learner = this.learners.learner().withSkillsDone(3).create();
		AccountPrincipal other = this.learners.learner().withSkillsDone(12).create();
		Skill asked = this.scenario.skill("languages", 0);
		Skill changes = this.scenario.skill("languages", 1);
		this.scenario.requestReview(learner, asked);
		this.scenario.requestReview(learner, changes);
		this.scenario.comment(learner, changes, mentor, "Show the <tests>, please.");
		this.scenario.requestChanges(learner, changes, mentor);
		long cohort = this.scenario.cohort(new AccountPrincipal[] { learner, other }, mentor);
		String handle = "pages-" + UUID.randomUUID().toString().substring(0, 8);
		this.publicPages.setPublicPage(learner.id(), true, handle);
		AccountPrincipal admin = this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.ADMIN));
		Http asLearner = logIn(learner);
		Http asMentor = logIn(mentor);
		Http asAdmin = logIn(admin);
		Http asVisitor = this.http.fresh();

		List<Page> pages = new ArrayList<>();
		for (String path : List.of("/", "/stages/databases", "/stages/languages", "/dashboard", "/account",
				"/notifications", "/u/" + handle)) {
			pages.add(new Page(path, asLearner));
		}
		for (String path : List.of("/", "/stages/databases", "/login", "/register", "/password-reset",
				"/u/" + handle)) {
			pages.add(new Page(path, asVisitor));
		}
		for (String path : List.of("/mentor", "/mentor?sort=PROGRESS&dir=desc", "/mentor/learners/" + learner.id(),
				"/mentor/reviews/" + learner.id() + "/" + asked.id(), "/notifications")) {
			pages.add(new Page(path, asMentor));
		}
		for (String path : List.of("/admin", "/admin/users", "/admin/users?q=Mentor", "/admin/users/" + learner.id(),
				"/admin/cohorts", "/admin/cohorts/" + cohort, "/admin/webhooks", "/admin/audit", "/account")) {
			pages.add(new Page(path, asAdmin));
		}
		return pages;
	}

	private Http logIn(AccountPrincipal user) throws Exception {
		return this.http.fresh().logIn(user.getUsername(), Learners.PASSWORD);
	}

	private static void serve(Page page) throws Exception {
		assertThat(page.as().get(page.path()).statusCode()).as(page.path()).isEqualTo(200);
	}

	private static boolean whileARequestWasServed(RecordedEvent event) {
		return event.getStackTrace() != null && event.getStackTrace()
			.getFrames()
			.stream()
			.anyMatch((frame) -> frame.getMethod().getType().getName().equals(SERVLET_FILTER_CHAIN));
	}

	/**
	 * The exception's class and where it was thrown: the first frame outside the JDK and
	 * the exception's own constructors.
	 */
	private static String describe(RecordedEvent event) {
		String type = event.getClass("thrownClass").getName();
		String where = event.getStackTrace() == null ? "?" : event.getStackTrace()
			.getFrames()
			.stream()
			.map(RecordedFrame::getMethod)
			.map((method) -> method.getType().getName() + "." + method.getName())
			.filter((name) -> !name.startsWith("java.") && !name.startsWith("jdk.") && !name.endsWith(".<init>"))
			.findFirst()
			.orElse("?");
		return type + " at " + where + ": " + event.getString("message");
	}

	private record Page(String path, Http as) {

		@Override
		public String toString() {
			return this.path;
		}

	}

}
