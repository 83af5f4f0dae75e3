package dev.roadmap.account.publicpage;

import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.PublicPage;
import dev.roadmap.account.PublicPageService;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
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
 * The public progress page setting on the account page: a handle and an on/off box, for
 * the signed-in user only, refused whole when the handle will not do.
 */
@RoadmapIntegrationTest
class PublicPageSettingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	PublicPageService publicPages;

	@Autowired
	JsonMapper json;

	@Test
	void thePageIsOffUntilTheUserTurnsItOn() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();

		Document page = Html
			.of(this.mvc.perform(get("/account").with(user(ada))).andExpect(status().isOk()).andReturn());

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(PublicPage.OFF);
		assertThat(page.select("#public-page h2").text()).isEqualTo("Public progress page");
		assertThat(page.select("[data-account=publicPageOff]")).hasSize(1);
		assertThat(page.select("[data-account=publicUrl]")).isEmpty();
		assertThat(page.select("#publicPageEnabled").hasAttr("checked")).isFalse();
		assertThat(page.select("label[for=publicPageEnabled]").text()).isEqualTo("Show my public progress page");
		assertThat(page.select("label[for=publicHandle]")).hasSize(1);
	}

	@Test
	void turningThePageOnStoresTheHandleLowerCasedAndShowsTheAddress() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();

		this.mvc.perform(publicPage(true, "  " + handle.toUpperCase() + " ").with(user(ada)))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/account"))
			.andExpect(flashMessage("flash.account.publicPageOn"));

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(new PublicPage(true, handle));
		Document page = Html.of(this.mvc.perform(get("/account").with(user(ada))).andReturn());
		assertThat(page.select("[data-account=publicUrl]").text()).isEqualTo("http://localhost/u/" + handle);
		assertThat(page.select("[data-account=publicUrl]").attr("href")).isEqualTo("http://localhost/u/" + handle);
		assertThat(page.select("#publicPageEnabled").hasAttr("checked")).isTrue();
		assertThat(page.select("#publicHandle").val()).isEqualTo(handle);
	}

	@Test
	void turningThePageOffKeepsTheHandleForLater() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		this.mvc.perform(publicPage(false, handle).with(user(ada)))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("flash.account.publicPageOff"));

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(new PublicPage(false, handle));
		Document page = Html.of(this.mvc.perform(get("/account").with(user(ada))).andReturn());
		assertThat(page.select("[data-account=publicUrl]")).isEmpty();
		assertThat(page.select("#publicPageEnabled").hasAttr("checked")).isFalse();
		assertThat(page.select("#publicHandle").val()).isEqualTo(handle);
	}

	@Test
	void aBlankHandleWithThePageOffReleasesTheHandle() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		AccountPrincipal bo = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		this.mvc.perform(publicPage(false, " ").with(user(ada))).andExpect(status().isSeeOther());

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(PublicPage.OFF);
		assertThat(this.publicPages.setPublicPage(bo.id(), true, handle)).isEqualTo(new PublicPage(true, handle));
	}

	@Test
	void badHandlesAreRefusedWithAReasonAndChangeNothing() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		AccountPrincipal bo = this.learners.aLearner();
		String adasHandle = uniqueHandle();
		String bosHandle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, adasHandle);
		this.publicPages.setPublicPage(bo.id(), false, bosHandle);

		assertThat(refusal(ada, true, "ab")).isEqualTo("Use between 3 and 30 characters.");
		assertThat(refusal(ada, true, "a".repeat(31))).isEqualTo("Use between 3 and 30 characters.");
		assertThat(refusal(ada, true, "ada_lovelace"))
			.isEqualTo("Use only lower-case letters a to z, digits and hyphens.");
		assertThat(refusal(ada, true, "ada lovelace"))
			.isEqualTo("Use only lower-case letters a to z, digits and hyphens.");
		assertThat(refusal(ada, true, "adà")).isEqualTo("Use only lower-case letters a to z, digits and hyphens.");
		assertThat(refusal(ada, true, "../admin")).isEqualTo("Use only lower-case letters a to z, digits and hyphens.");
		assertThat(refusal(ada, true, "admin")).isEqualTo("This word is reserved for the site. Choose another handle.");
		assertThat(refusal(ada, true, "Mentor"))
			.isEqualTo("This word is reserved for the site. Choose another handle.");
		assertThat(refusal(ada, false, "api")).isEqualTo("This word is reserved for the site. Choose another handle.");
		assertThat(refusal(ada, true, bosHandle)).as("taken, even while the other page is off")
			.isEqualTo("Someone else has this handle. Choose another one.");
		assertThat(refusal(ada, true, bosHandle.toUpperCase()))
			.isEqualTo("Someone else has this handle. Choose another one.");
		assertThat(refusal(ada, true, "")).isEqualTo("Choose a handle to turn your page on.");

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(new PublicPage(true, adasHandle));
		assertThat(this.publicPages.publicPageOf(bo.id())).isEqualTo(new PublicPage(false, bosHandle));
	}

	@Test
	void aRefusedChangeShowsTheFormAgainAsSentWithThePageAsStored() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		Document page = Html.of(this.mvc.perform(publicPage(false, "no way").with(user(ada)))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(page.select("#publicHandle").val()).isEqualTo("no way");
		assertThat(page.select("#publicHandle").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#publicPageEnabled").hasAttr("checked")).as("as sent").isFalse();
		assertThat(page.select("[data-account=publicUrl]").text()).as("as stored")
			.isEqualTo("http://localhost/u/" + handle);
	}

	@Test
	void aValueTheBoxCannotSendIsRefusedAndChangesNothing() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();

		Document page = Html.of(
				this.mvc
					.perform(post("/account/public-page").with(user(ada))
						.with(csrf())
						.param("enabled", "yes please")
						.param("handle", handle))
					.andExpect(status().isBadRequest())
					.andReturn());

		assertThat(page.select("#publicPageEnabled-error").text()).isEqualTo("This value is not valid.");
		assertThat(page.select("#publicHandle").val()).isEqualTo(handle);
		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(PublicPage.OFF);
	}

	@Test
	void keepingOnesOwnHandleIsNotTakingSomeoneElses() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), false, handle);

		this.mvc.perform(publicPage(true, handle).with(user(ada))).andExpect(status().isSeeOther());

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(new PublicPage(true, handle));
	}

	@Test
	void theSettingNeedsACsrfTokenAndALogin() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();

		this.mvc.perform(post("/account/public-page").with(user(ada)).param("enabled", "true").param("handle", handle))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/account/public-page").with(user(ada))
				.with(csrf().useInvalidToken())
				.param("enabled", "true")
				.param("handle", handle))
			.andExpect(status().isForbidden());
		this.mvc.perform(publicPage(true, handle)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(PublicPage.OFF);
		assertThat(this.publicPages.findByPublicHandle(handle)).isEmpty();
	}

	@Test
	void theSettingActsOnTheSignedInUserOnlyWhateverIdIsSent() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		AccountPrincipal bo = this.learners.aLearner();
		String adasHandle = uniqueHandle();
		String bosHandle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), false, adasHandle);

		// The form names no user: nothing on it could point at another account.
		Document page = Html.of(this.mvc.perform(get("/account").with(user(bo))).andReturn());
		Element form = page.selectFirst("form[data-form=public-page]");
		assertThat(form.attr("action")).isEqualTo("/account/public-page");
		assertThat(form.select("input[name], select[name], textarea[name]").eachAttr("name"))
			.containsExactlyInAnyOrder("_csrf", "enabled", "handle");

		this.mvc
			.perform(publicPage(true, bosHandle).with(user(bo))
				.param("id", String.valueOf(ada.id()))
				.param("userId", String.valueOf(ada.id()))
				.param("publicHandle", adasHandle))
			.andExpect(status().isSeeOther());
		this.mvc.perform(publicPage(true, bosHandle).with(user(bo)).param("publicPage", "true"))
			.andExpect(status().isSeeOther());
		this.mvc
			.perform(
					post("/account/" + ada.id() + "/public-page").with(user(bo)).with(csrf()).param("enabled", "false"))
			.andExpect(status().is4xxClientError());

		assertThat(this.publicPages.publicPageOf(ada.id())).isEqualTo(new PublicPage(false, adasHandle));
		assertThat(this.publicPages.publicPageOf(bo.id())).isEqualTo(new PublicPage(true, bosHandle));
	}

	@Test
	void deletingTheAccountReleasesTheHandle() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		AccountPrincipal bo = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		this.mvc
			.perform(post("/account/delete").with(user(ada))
				.with(csrf())
				.param("currentPassword", Learners.PASSWORD)
				.param("confirmation", "DELETE"))
			.andExpect(status().isSeeOther());

		assertThat(this.publicPages.findByPublicHandle(handle)).isEmpty();
		assertThat(this.publicPages.setPublicPage(bo.id(), true, handle)).isEqualTo(new PublicPage(true, handle));
	}

	@Test
	void theDataExportIncludesTheHandle() throws Exception {
		AccountPrincipal ada = this.learners.aLearner();
		String handle = uniqueHandle();
		this.publicPages.setPublicPage(ada.id(), true, handle);

		JsonNode export = this.json.readTree(this.mvc.perform(get("/account/export").with(user(ada)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());

		assertThat(export.get("publicPage").get("enabled").asBoolean()).isTrue();
		assertThat(export.get("publicPage").get("handle").asString()).isEqualTo(handle);
	}

	static String uniqueHandle() {
		return "h-" + UUID.randomUUID().toString().substring(0, 13);
	}

	private String refusal(AccountPrincipal user, boolean enabled, String handle) throws Exception {
		Document page = Html.of(this.mvc.perform(publicPage(enabled, handle).with(user(user)))
			.andExpect(status().isBadRequest())
			.andReturn());
		return page.select("#publicHandle-error").text();
	}

	private static MockHttpServletRequestBuilder publicPage(boolean enabled, String handle) {
		MockHttpServletRequestBuilder request = post("/account/public-page").with(csrf()).param("handle", handle);
		return enabled ? request.param("enabled", "true") : request;
	}

}
