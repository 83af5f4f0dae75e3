package dev.roadmap.admin.web;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.notification.WebhookEndpoint;
import dev.roadmap.notification.WebhookEvent;
import dev.roadmap.notification.WebhookService;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook admin pages over HTTP: add an endpoint (its form refused with its messages
 * and nothing added), see its secret and log, send a test event, pause, resume and remove
 * it. Endpoints here are for a cohort nobody is in, so other tests' events never reach
 * them, and are removed afterwards.
 */
@RoadmapIntegrationTest
class AdminWebhooksIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	WebhookService webhooks;

	@Autowired
	CohortService cohorts;

	AccountPrincipal admin;

	long emptyCohort;

	@BeforeEach
	void anAdminAndAnEmptyCohort() {
		this.admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
		this.emptyCohort = this.cohorts.create("Webhooks " + UUID.randomUUID()).id();
	}

	@AfterEach
	void removeEndpoints() {
		this.webhooks.endpoints()
			.stream()
			.filter((endpoint) -> Long.valueOf(this.emptyCohort).equals(endpoint.cohortId()))
			.forEach((endpoint) -> this.webhooks.delete(endpoint.id()));
	}

	@Test
	void anAdminAddsAnEndpointAndSeesItsSecretAndLog() throws Exception {
		Document empty = page(get("/admin/webhooks"));
		assertThat(empty.select("form[data-form=webhook] input[name=events]")).hasSize(WebhookEvent.values().length);

		String location = perform(post("/admin/webhooks").param("url", " https://chat.example.com/hooks/1 ")
			.param("description", "Team chat")
			.param("cohort", Long.toString(this.emptyCohort))
			.param("events", "review.requested", "review.decided")).andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.webhookCreated", "https://chat.example.com/hooks/1"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		WebhookEndpoint endpoint = mine().get(0);
		assertThat(location).isEqualTo("/admin/webhooks/" + endpoint.id());
		assertThat(endpoint.events()).containsExactlyInAnyOrder(WebhookEvent.REVIEW_REQUESTED,
				WebhookEvent.REVIEW_DECIDED);
		Document page = page(get(location));
		assertThat(page.select("h1").text()).isEqualTo("https://chat.example.com/hooks/1");
		assertThat(page.select("[data-webhook-secret]").text()).isEqualTo(endpoint.secret()).startsWith("whsec_");
		assertThat(page.select("[data-webhook]").attr("data-active")).isEqualTo("true");
		assertThat(page.select("details.confirm form[data-form=webhook-delete]")).hasSize(1);
		assertThat(page.select("[data-deliveries]")).isEmpty();
		assertThat(page(get("/admin/webhooks")).select("[data-webhook=" + endpoint.id() + "]").text())
			.contains("https://chat.example.com/hooks/1", "Team chat", "review.requested");
	}

	@Test
	void aRefusedFormSaysWhyAndAddsNothing() throws Exception {
		Document refused = Html.of(perform(post("/admin/webhooks").param("url", "javascript:alert(1)")
			.param("cohort", Long.toString(this.emptyCohort))
			.param("events", "review.requested")).andExpect(status().isBadRequest()).andReturn());
		Document noEvents = Html.of(perform(post("/admin/webhooks").param("url", "https://chat.example.com/x")
			.param("cohort", Long.toString(this.emptyCohort))
			.param("events", "no.such.event")).andExpect(status().isBadRequest()).andReturn());

		assertThat(refused.select("#webhookUrl").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.select("#webhookUrl-error").text()).contains("http or https");
		assertThat(refused.select("#webhookUrl").val()).isEqualTo("javascript:alert(1)");
		assertThat(noEvents.select("#webhookEvents-error").text()).contains("at least one event");
		assertThat(mine()).isEmpty();
	}

	@Test
	void aTestEventIsQueuedAndTheEndpointPausesResumesAndGoes() throws Exception {
		WebhookEndpoint endpoint = this.webhooks.create("http://127.0.0.1:9/unreachable", "", this.emptyCohort,
				EnumSet.of(WebhookEvent.LEARNER_STUCK));
		this.webhooks.setActive(endpoint.id(), false);
		String path = "/admin/webhooks/" + endpoint.id();

		perform(post(path + "/test")).andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(path + "#deliveries"))
			.andExpect(flashMessage("admin.flash.webhookTestQueued"));
		Document paused = page(get(path));
		perform(post(path + "/active").param("active", "true")).andExpect(flashMessage("admin.flash.webhookResumed"));
		perform(post(path + "/active").param("active", "false")).andExpect(flashMessage("admin.flash.webhookPaused"));
		perform(post(path + "/delete")).andExpect(redirectedUrl("/admin/webhooks"))
			.andExpect(flashMessage("admin.flash.webhookDeleted", endpoint.url()));

		assertThat(paused.select("[data-deliveries] [data-delivery]")).hasSize(1);
		assertThat(paused.select("[data-delivery]").attr("data-state")).isEqualTo("PENDING");
		assertThat(paused.select("[data-delivery]").text()).contains(WebhookEvent.TEST);
		assertThat(paused.select("[data-webhook]").attr("data-active")).isEqualTo("false");
		assertThat(this.webhooks.endpoint(endpoint.id())).isEmpty();
		perform(get(path)).andExpect(status().isNotFound());
		perform(post(path + "/test")).andExpect(status().isNotFound());
	}

	@Test
	void onlyAdminsGetInAndEveryFormNeedsItsToken() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));

		this.mvc.perform(get("/admin/webhooks").with(user(mentor))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/webhooks").with(user(this.admin))
				.param("url", "https://chat.example.com/x")
				.param("cohort", Long.toString(this.emptyCohort))
				.param("events", "review.requested"))
			.andExpect(status().isForbidden());
		assertThat(mine()).isEmpty();
	}

	private List<WebhookEndpoint> mine() {
		return this.webhooks.endpoints()
			.stream()
			.filter((endpoint) -> Long.valueOf(this.emptyCohort).equals(endpoint.cohortId()))
			.toList();
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(this.admin)).with(csrf()));
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Html.of(perform(request).andExpect(status().isOk()).andReturn());
	}

}
