package dev.roadmap.progress.web;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.PublicPageService;
import dev.roadmap.account.Role;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Html;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.Skills;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public progress page, {@code /u/{handle}}: progress bars and verified skills for
 * anyone while the learner has it on, nothing private, and not found the moment it is
 * off.
 */
@RoadmapIntegrationTest
class PublicProgressPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	Skills skills;

	@Autowired
	PublicPageService publicPages;

	@Autowired
	ProgressService progress;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	@Autowired
	RoadmapService roadmap;

	@Test
	void anOpenPageShowsTheBarsAndVerifiedSkillsAndNothingPrivate() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		Skill verified = this.skills.of("apis", 0);
		Skill doneUnreviewed = this.skills.of("apis", 1);
		Skill project = this.skills.of("projects", 0);
		Skill started = this.skills.of("security", 0);
		this.progress.setStatus(ada.id(), verified, SkillStatus.DONE);
		this.progress.setStatus(ada.id(), doneUnreviewed, SkillStatus.DONE);
		this.progress.setStatus(ada.id(), project, SkillStatus.DONE);
		this.progress.setStatus(ada.id(), started, SkillStatus.IN_PROGRESS);
		this.progress.setStatus(ada.id(), this.skills.of("apis", 2), SkillStatus.SKIPPED);
		this.reviews.requestReview(ada.id(), verified,
				new Evidence("https://private.example/verified-evidence", null, "secret evidence note"));
		this.reviews.reply(ada.id(), verified, "secret question to my mentor");
		this.decisions.claim(mentor.id(), ada.id(), verified.id());
		this.decisions.approve(mentor.id(), ada.id(), verified,
				this.reviews.reviewOf(ada.id(), verified.id()).iteration(), null);
		this.reviews.requestReview(ada.id(), project,
				new Evidence("https://github.com/ada/secret-repository", "https://secret-live.example", "notes"));
		this.decisions.claim(mentor.id(), ada.id(), project.id());
		this.decisions.requestChanges(mentor.id(), ada.id(), project,
				this.reviews.reviewOf(ada.id(), project.id()).iteration(), "secret mentor feedback");
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		String body = this.mvc.perform(get("/u/" + handle))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(body);

		assertThat(page.select("h1").text()).isEqualTo("Test User\u2019s progress");
		assertThat(page.title()).isEqualTo("Test User\u2019s progress · Backend Roadmap");
		assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(page.select("main progress[data-stage]")).hasSize(11);
		assertThat(page.select("progress[data-stage=overall]").attr("value")).isEqualTo(overallPercent(3, 1));
		assertThat(page.select("progress[data-stage=apis]").attr("value")).isEqualTo("66");
		assertThat(page.select("progress[data-stage=security]").attr("value")).isEqualTo("0");
		assertThat(page.select("[data-stage-card=apis] .progress-label").text()).contains("Master APIs");
		assertThat(page.select("main [data-skill]").eachAttr("data-skill")).containsExactly(verified.key());
		assertThat(page.select("main [data-skill]").text()).isEqualTo(verified.title());
		assertThat(page.select("main form")).isEmpty();
		assertThat(body).doesNotContain(ada.getUsername(), "verified-evidence", "secret", "In progress",
				"Changes requested", doneUnreviewed.title(), project.title(), started.title());
	}

	@Test
	void aPageWithNothingVerifiedSaysSo() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		Document page = Html.of(this.mvc.perform(get("/u/" + handle)).andExpect(status().isOk()).andReturn());

		assertThat(page.select("[data-public=noneVerified]").text()).isEqualTo("No verified skills yet.");
		assertThat(page.select("progress[data-stage=overall]").attr("value")).isEqualTo("0");
		assertThat(page.select("[data-skill]")).isEmpty();
	}

	@Test
	void turningThePageOffMakesItsAddressNotFoundAtOnce() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();
		Http browser = this.http.fresh().logIn(ada.getUsername(), Learners.PASSWORD);

		assertThat(
				browser.postForm("/account/public-page", "enabled=true&handle=" + handle + "&_csrf=" + token(browser))
					.statusCode())
			.isEqualTo(303);
		assertThat(browser.get("/u/" + handle).statusCode()).as("the owner").isEqualTo(200);
		assertThat(this.http.fresh().get("/u/" + handle).statusCode()).as("anyone").isEqualTo(200);

		assertThat(
				browser.postForm("/account/public-page", "handle=" + handle + "&_csrf=" + token(browser)).statusCode())
			.isEqualTo(303);

		assertNotFoundPage(browser.get("/u/" + handle));
		assertNotFoundPage(this.http.fresh().get("/u/" + handle));
		assertNotFoundPage(this.http.fresh().get("/u/" + handle.toUpperCase()));
	}

	@Test
	void unknownHandlesAreNotFound() throws Exception {
		AccountPrincipal neverOn = this.learners.aLearner();
		String kept = uniqueHandle();
		this.publicPages.setPublicPage(neverOn.id(), false, kept);

		assertNotFoundPage(this.http.get("/u/" + uniqueHandle()));
		assertNotFoundPage(this.http.get("/u/" + kept));
		assertNotFoundPage(this.http.get("/u/x"));
		assertNotFoundPage(this.http.get("/u/not_a_handle"));
		assertNotFoundPage(this.http.get("/u/admin"));
	}

	@Test
	void theHandleInTheAddressIgnoresCase() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		this.mvc.perform(get("/u/" + handle.toUpperCase())).andExpect(status().isOk());
	}

	@Test
	void onlyTheLayoutOfThePublicPageAsksNotToBeIndexed() throws Exception {
		Document home = Html.of(this.mvc.perform(get("/")).andReturn());

		assertThat(home.select("meta[name=robots]")).isEmpty();
	}

	private static void assertNotFoundPage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Page not found");
		assertThat(page.select("header.site-header")).hasSize(1);
	}

	private static String token(Http browser) throws Exception {
		return Jsoup.parse(browser.get("/account").body())
			.select("form[data-form=public-page] input[name=_csrf]")
			.val();
	}

	private String overallPercent(int done, int skipped) {
		int total = this.roadmap.stages().stream().mapToInt((stage) -> stage.skills().size()).sum();
		return String.valueOf(done * 100 / (total - skipped));
	}

	private static String uniqueHandle() {
		return "p-" + UUID.randomUUID().toString().substring(0, 13);
	}

}
