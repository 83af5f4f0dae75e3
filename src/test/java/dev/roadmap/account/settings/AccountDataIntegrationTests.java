package dev.roadmap.account.settings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.notification.NotificationService;
import dev.roadmap.progress.review.ReviewComment;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Download all my data" and "delete my account", over a learner with a cohort, a mentor,
 * a reviewed skill with a conversation and notifications, next to another learner of the
 * same cohort whose data must stay out of it.
 */
@RoadmapIntegrationTest
class AccountDataIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	NotificationService notifications;

	@Autowired
	ReviewScenario scenario;

	AccountPrincipal ada;

	AccountPrincipal bo;

	AccountPrincipal mo;

	Skill skill;

	@BeforeEach
	void adaAndBoHaveReviewsByMo() {
		this.ada = this.scenario.learner("Ada Learner");
		this.bo = this.scenario.learner("Bo Learner");
		this.mo = this.scenario.mentor("Mo Mentor");
		this.scenario.cohort(new AccountPrincipal[] { this.ada, this.bo }, this.mo);
		this.skill = this.scenario.skill("security", 0);
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.comment(this.ada, this.skill, this.mo, "Nice work, Ada.");
		this.scenario.comment(this.ada, this.skill, this.ada, "Thanks, Mo!");
		this.scenario.approve(this.ada, this.skill, this.mo);
		this.scenario.requestReview(this.bo, this.skill);
		this.scenario.comment(this.bo, this.skill, this.mo, "Bo's secret feedback");
		this.scenario.requestChanges(this.bo, this.skill, this.mo);
	}

	@Test
	void theExportIsAJsonAttachmentWithEveryPartOfTheUsersData() throws Exception {
		MvcResult result = this.mvc.perform(get("/account/export").with(user(this.ada)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"backend-roadmap-export.json\""))
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andReturn();
		JsonNode export = this.json.readTree(result.getResponse().getContentAsByteArray());

		JsonNode profile = export.get("profile");
		assertThat(profile.get("email").asString()).isEqualTo(this.ada.getUsername());
		assertThat(profile.get("displayName").asString()).isEqualTo("Ada Learner");
		assertThat(profile.get("roles").get(0).asString()).isEqualTo("LEARNER");
		assertThat(profile.get("timeZone").asString()).isEqualTo("UTC");
		assertThat(profile.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		JsonNode skill = export.get("progress").get("skills").get(0);
		assertThat(skill.get("stage").asString()).isEqualTo("security");
		assertThat(skill.get("skill").asString()).isEqualTo(this.skill.slug());
		assertThat(skill.get("status").asString()).isEqualTo("DONE");
		assertThat(skill.get("evidence").get("url").asString())
			.isEqualTo("https://github.com/example/" + this.skill.slug());
		assertThat(skill.get("evidence").get("note").asString()).isEqualTo("What I built");
		assertThat(skill.get("review").get("state").asString()).isEqualTo("APPROVED");
		assertThat(texts(skill.get("review").get("comments"), "body")).containsExactly("Nice work, Ada.",
				"Thanks, Mo!");
		assertThat(texts(skill.get("review").get("comments"), "author")).containsExactly("Mo Mentor", "Ada Learner");
		assertThat(texts(export.get("progress").get("statusHistory"), "to")).containsExactly("DONE");
		assertThat(texts(export.get("progress").get("reviewHistory"), "action")).containsExactly("REQUESTED",
				"COMMENTED", "COMMENTED", "APPROVED");
		assertThat(texts(export.get("cohorts"), "role")).containsExactly("LEARNER");
		assertThat(texts(export.get("notifications"), "kind")).containsExactly("COMMENTED", "APPROVED");
		assertThat(texts(export.get("notifications"), "actor")).containsOnly("Mo Mentor");
	}

	@Test
	void theExportHoldsOnlyTheUsersOwnData() throws Exception {
		String export = this.mvc.perform(get("/account/export").with(user(this.ada)))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(export).doesNotContain(this.bo.getUsername())
			.doesNotContain("Bo Learner")
			.doesNotContain("Bo's secret feedback")
			.doesNotContain(this.mo.getUsername())
			.doesNotContain("passwordHash")
			.doesNotContain("{bcrypt");
	}

	@Test
	void aMentorsExportHasWhatTheyWroteButNotAboutWhom() throws Exception {
		JsonNode export = this.json.readTree(this.mvc.perform(get("/account/export").with(user(this.mo)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());

		assertThat(texts(export.get("progress").get("commentsOnOtherLearnersReviews"), "body"))
			.contains("Nice work, Ada.", "Bo's secret feedback", "Please add tests.");
		assertThat(export.get("progress").toString()).doesNotContain(this.ada.getUsername())
			.doesNotContain("Ada Learner")
			.doesNotContain("Thanks, Mo!");
		assertThat(export.toString()).doesNotContain(this.ada.getUsername()).doesNotContain(this.bo.getUsername());
		assertThat(texts(export.get("cohorts"), "role")).containsExactly("MENTOR");
		assertThat(texts(export.get("notifications"), "actor")).containsOnly("Ada Learner", "Bo Learner");
	}

	@Test
	void deletingNeedsTheCurrentPasswordAndTheConfirmation() throws Exception {
		Document wrongPassword = Html.of(this.mvc.perform(delete(this.ada, "not my password", "DELETE"))
			.andExpect(status().isBadRequest())
			.andReturn());
		Document noConfirmation = Html.of(this.mvc.perform(delete(this.ada, Learners.PASSWORD, "delete please"))
			.andExpect(status().isBadRequest())
			.andReturn());
		Document empty = Html
			.of(this.mvc.perform(delete(this.ada, "", "")).andExpect(status().isBadRequest()).andReturn());

		assertThat(wrongPassword.select("#deleteCurrentPassword-error").text())
			.isEqualTo("That is not your current password.");
		assertThat(noConfirmation.select("#confirmation-error").text())
			.isEqualTo("Type DELETE, in capital letters, to confirm.");
		assertThat(empty.select("#deleteCurrentPassword-error, #confirmation-error")).hasSize(2);
		assertThat(count("select count(*) from app_user where id = :id and deleted_at is null", this.ada)).isOne();
		assertThat(count("select count(*) from skill_status where user_id = :id", this.ada)).isOne();
		this.mvc.perform(formLogin("/login").user(this.ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(authenticated());
	}

	@Test
	void deletingALearnerRemovesTheirDataLogsThemOutAndLocksTheAccount() throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(this.ada.getUsername()).password(Learners.PASSWORD))
			.andReturn();
		MvcResult otherDevice = this.mvc
			.perform(formLogin("/login").user(this.ada.getUsername()).password(Learners.PASSWORD))
			.andReturn();

		MvcResult deleted = this.mvc
			.perform(post("/account/delete").cookie(login.getResponse().getCookies())
				.with(csrf())
				.param("currentPassword", Learners.PASSWORD)
				.param("confirmation", " DELETE "))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/"))
			.andExpect(flashMessage("flash.account.deleted"))
			.andExpect(unauthenticated())
			.andReturn();

		Document home = Html.of(this.mvc.perform(get("/").cookie(deleted.getResponse().getCookies())).andReturn());
		assertThat(home.select(".flash").text()).startsWith("Your account and your personal data have been deleted");
		assertThat(home.select(".who")).isEmpty();
		this.mvc.perform(get("/account").cookie(otherDevice.getResponse().getCookies()))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(formLogin("/login").user(this.ada.getUsername()).password(Learners.PASSWORD))
			.andExpect(unauthenticated());
		assertThat(this.jdbc.sql("select email, display_name from app_user where id = :id")
			.param("id", this.ada.id())
			.query((rs, row) -> rs.getString(1) + " / " + rs.getString(2))
			.single()).isEqualTo("deleted-" + this.ada.id() + "@invalid / Deleted user");
		for (String table : List.of("user_role", "skill_status", "status_event", "review_event", "cohort_learner",
				"notification", "password_reset_token")) {
			assertThat(count("select count(*) from " + table + " where user_id = :id", this.ada)).as(table).isZero();
		}
		assertThat(count("select count(*) from review_comment where user_id = :id or author_id = :id", this.ada))
			.isZero();
		assertThat(count("select count(*) from notification where learner_id = :id", this.ada)).isZero();
		assertThat(count("select count(*) from spring_session where principal_name = '" + this.ada.getUsername() + "'",
				this.ada))
			.isZero();
		// Bo's data is untouched.
		assertThat(count("select count(*) from skill_status where user_id = :id", this.bo)).isOne();
	}

	@Test
	void deletingAMentorKeepsTheirReviewsForTheLearnersSignedByAFormerUser() throws Exception {
		this.mvc.perform(delete(this.mo, Learners.PASSWORD, "DELETE")).andExpect(status().isSeeOther());

		SkillReview adasReview = this.scenario.reviews().reviewOf(this.ada.id(), this.skill.id());
		assertThat(adasReview.verified()).isTrue();
		List<String> authors = new ArrayList<>();
		for (ReviewComment comment : adasReview.comments()) {
			authors.add((comment.authorName() != null) ? comment.authorName() : "(former user)");
		}
		assertThat(authors).containsExactly("(former user)", "Ada Learner");
		assertThat(adasReview.comments().get(0).body()).isEqualTo("Nice work, Ada.");
		assertThat(count("select count(*) from review_event where actor_id = :id", this.mo)).isZero();
		assertThat(count("select count(*) from review_event where user_id = " + this.ada.id() + " and actor_id is null",
				this.mo))
			.isEqualTo(2);
		assertThat(this.notifications.list(this.ada.id(), 0, 10).items())
			.extracting((notification) -> notification.actorName())
			.containsOnly("A former user");
		assertThat(count("select count(*) from cohort_mentor where user_id = :id", this.mo)).isZero();
		Document stage = Html.of(this.mvc.perform(get("/stages/security").with(user(this.ada))).andReturn());
		assertThat(stage.text()).contains("A former user").doesNotContain("Mo Mentor");
	}

	@Test
	void theLastAdminCannotDeleteTheirAccount() throws Exception {
		AccountPrincipal admin = this.scenario.user("Only Admin", EnumSet.of(Role.ADMIN));
		// For the rule to apply this admin must be the only one, for real, while the test
		// runs; the other tests' admins get their role back afterwards.
		List<Long> others = this.jdbc.sql("select user_id from user_role where role = 'ADMIN' and user_id <> :id")
			.param("id", admin.id())
			.query(Long.class)
			.list();
		this.jdbc.sql("delete from user_role where role = 'ADMIN' and user_id <> :id").param("id", admin.id()).update();
		try {
			Document page = Html.of(this.mvc.perform(delete(admin, Learners.PASSWORD, "DELETE"))
				.andExpect(status().isBadRequest())
				.andReturn());

			assertThat(page.select("#confirmation-error").text()).startsWith("You are the only admin");
			assertThat(count("select count(*) from user_role where role = 'ADMIN' and user_id = :id", admin)).isOne();
		}
		finally {
			for (long other : others) {
				this.jdbc.sql("insert into user_role (user_id, role) values (:id, 'ADMIN') on conflict do nothing")
					.param("id", other)
					.update();
			}
		}
		AccountPrincipal second = this.scenario.user("Second Admin", EnumSet.of(Role.ADMIN));
		this.mvc.perform(delete(admin, Learners.PASSWORD, "DELETE")).andExpect(status().isSeeOther());
		assertThat(count("select count(*) from user_role where role = 'ADMIN' and user_id = :id", second)).isOne();
	}

	private static MockHttpServletRequestBuilder delete(AccountPrincipal user, String password, String confirmation) {
		return post("/account/delete").with(user(user))
			.with(csrf())
			.param("currentPassword", password)
			.param("confirmation", confirmation);
	}

	private long count(String sql, AccountPrincipal user) {
		return this.jdbc.sql(sql).param("id", user.id()).query(Long.class).single();
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.get(field).isNull() ? null : node.get(field).asString()));
		return texts;
	}

}
