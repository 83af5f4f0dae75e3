package dev.roadmap.system;

import java.util.EnumSet;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refused input answered by the one advice ({@link RefusedInputAdvice}) on the real pages
 * of several modules: the form's page again with 400 and the field's message, the htmx
 * fragment for an htmx request, and a redirect with a flash where the action says so.
 */
@RoadmapIntegrationTest
class RefusedInputIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	ApplicationContext context;

	@Test
	void aTakenEmailShowsTheRegistrationFormAgainWithTheFieldsMessage() throws Exception {
		AccountPrincipal existing = this.learners.aLearner();

		Document page = Html.of(
				this.mvc
					.perform(post("/register").param("email", existing.getUsername())
						.param("displayName", "Eve")
						.param("password", "another long password")
						.with(csrf()))
					.andExpect(status().isBadRequest())
					.andReturn());

		assertThat(page.select("#email-error").text())
			.isEqualTo("This e-mail address already has an account. Log in instead, or use another address.");
		assertThat(page.select("input[name=displayName]").val()).isEqualTo("Eve");
		assertThat(page.select("input[name=password]").val()).isEmpty();
	}

	@Test
	void aCohortNameTakenShowsTheAdminFormAgainWithTheFieldsMessage() throws Exception {
		AccountPrincipal admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
		String taken = "Cohort " + UUID.randomUUID();
		this.mvc.perform(post("/admin/cohorts").param("name", taken).with(user(admin)).with(csrf()))
			.andExpect(status().isSeeOther());

		Document page = Html
			.of(this.mvc.perform(post("/admin/cohorts").param("name", taken).with(user(admin)).with(csrf()))
				.andExpect(status().isBadRequest())
				.andReturn());

		assertThat(page.select("#name-error").text())
			.isEqualTo("A cohort with this name already exists. Choose another name.");
		assertThat(page.select("input[name=name]").val()).isEqualTo(taken);
	}

	@Test
	void aTooLongRequestForChangesShowsTheReviewAgainWithTheCommentAndItsMessage() throws Exception {
		Review review = review();
		this.mvc.perform(post(review.path() + "/claim").with(user(review.mentor())).with(csrf()))
			.andExpect(status().isSeeOther());

		Document page = Html.of(
				this.mvc
					.perform(post(review.path() + "/changes").param("iteration", "1")
						.param("comment", "x".repeat(2_001))
						.with(user(review.mentor()))
						.with(csrf()))
					.andExpect(status().isBadRequest())
					.andReturn());

		assertThat(page.select(".has-error .field-error").text()).isEqualTo("Use at most 2,000 characters.");
		assertThat(page.select("#changes-comment").text()).hasSize(2_001);
	}

	@Test
	void aDecisionWithoutAClaimGoesBackToTheReviewWithAMessage() throws Exception {
		Review review = review();

		this.mvc.perform(post(review.path() + "/approve").with(user(review.mentor())).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(review.path()))
			.andExpect(flashMessage("mentor.flash.claimFirst"));
	}

	@Test
	void aRefusedHtmxAutosaveAnswersOnlyTheStatusLineSayingWhy() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = new ReviewScenario(this.context).skill("servers", 0);

		String fragment = this.mvc
			.perform(post("/stages/servers/skills/{skill}/note", skill.slug()).param("note", "x".repeat(10_001))
				.header("HX-Request", "true")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document status = Jsoup.parse(fragment);
		assertThat(status.select("#note-status-" + skill.slug() + ".note-error").text())
			.isEqualTo("Use at most 10,000 characters.");
		assertThat(fragment).doesNotContain("<html").doesNotContain("<header");
	}

	private Review review() {
		ReviewScenario scenario = new ReviewScenario(this.context);
		AccountPrincipal learner = scenario.learner("Lee");
		AccountPrincipal mentor = scenario.mentor("Mo");
		scenario.cohort(learner, mentor);
		Skill skill = scenario.skill("projects", 0);
		scenario.requestReview(learner, skill);
		return new Review(mentor, "/mentor/reviews/" + learner.id() + "/" + skill.id());
	}

	private record Review(AccountPrincipal mentor, String path) {
	}

}
