package dev.roadmap.admin.web;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.test.Flashes;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.Logins;
import dev.roadmap.test.RoadmapIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin overview, the user list and search, and role changes, over HTTP.
 */
@RoadmapIntegrationTest
class AdminUsersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	AccountPrincipal admin;

	@BeforeEach
	void logInAsAnAdmin() {
		this.admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
	}

	@Test
	void aChangeOfRolesEndsTheUsersSessionsSoItHoldsAtOnce() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));
		var login = this.mvc.perform(dev.roadmap.test.Logins.logIn(mentor.getUsername(), Learners.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookies();
		this.mvc.perform(get("/mentor").cookie(login)).andExpect(status().isOk());

		this.mvc
			.perform(post("/admin/users/{id}/roles", mentor.id()).param("roles", "LEARNER")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isSeeOther());

		this.mvc.perform(get("/mentor").cookie(login)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theOverviewLinksToUsersCohortsAndTheAuditLogAndShowsCounts() throws Exception {
		Document page = page(get("/admin"));

		assertThat(page.select("main a[href=/admin/users]")).isNotEmpty();
		assertThat(page.select("main a[href=/admin/cohorts]")).isNotEmpty();
		assertThat(page.select("main a[href=/admin/audit]")).isNotEmpty();
		assertThat(Long.parseLong(page.select("[data-count=users] dd").text()))
			.isEqualTo(this.accounts.counts().users());
		assertThat(Long.parseLong(page.select("[data-count=admins] dd").text())).isPositive();
		assertThat(page.select("[data-count=active-cohorts] dd").text()).matches("\\d+");
		assertThat(page.select("[data-count=audit-entries] dd").text()).matches("\\d+");
		assertThat(page.select("nav.admin-nav a[aria-current=page]").attr("href")).isEqualTo("/admin");
	}

	@Test
	void usersAreFoundByPartOfTheirEmailOrNameIgnoringCase() throws Exception {
		String token = token();
		Account byName = create("Ada " + token, Learners.uniqueEmail());
		Account byEmail = create("Someone", "someone-" + token + "@example.com");

		Document page = page(get("/admin/users").param("q", token.toUpperCase()));

		assertThat(page.select("tr[data-user-id]").eachAttr("data-user-id"))
			.containsExactly(String.valueOf(byName.id()), String.valueOf(byEmail.id()));
		assertThat(page.select("tr[data-user-id=" + byName.id() + "] th a").attr("href"))
			.isEqualTo("/admin/users/" + byName.id());
		assertThat(page.select("tr[data-user-id=" + byEmail.id() + "] td").first().text()).isEqualTo(byEmail.email());
		assertThat(page.select(".result-count").text()).isEqualTo("2 users match \"" + token.toUpperCase() + "\"");
		assertThat(page.select("input#q").val()).isEqualTo(token.toUpperCase());
		assertThat(page.select("label[for=q]")).hasSize(1);
		assertThat(page.select("table th[scope=col]")).hasSize(3);
		assertThat(page.select("nav.pagination")).isEmpty();
	}

	@Test
	void usersComeTwentyToAPageWithPageLinksPreviousAndNext() throws Exception {
		String token = token();
		for (int i = 0; i < 21; i++) {
			create(String.format("Paged %s %02d", token, i), Learners.uniqueEmail());
		}

		Document first = page(get("/admin/users").param("q", token));
		Document second = page(get("/admin/users").param("q", token).param("page", "2"));

		assertThat(first.select("tr[data-user-id]")).hasSize(20);
		assertThat(first.select(".result-count").text()).startsWith("21 users match");
		assertThat(first.select("nav.pagination a[rel=next]").attr("href"))
			.isEqualTo("/admin/users?q=" + token + "&page=2");
		assertThat(first.select("nav.pagination a[rel=next]").text()).isEqualTo("Next");
		assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
		assertThat(first.select("nav.pagination a[aria-current=page]").text()).isEqualTo("1");
		assertThat(first.select("caption").text()).isEqualTo("Users, page 1 of 2");

		assertThat(second.select("tr[data-user-id] th").eachText()).containsExactly("Paged " + token + " 20");
		assertThat(second.select("nav.pagination a[rel=prev]").text()).isEqualTo("Previous");
		assertThat(second.select("nav.pagination a[rel=prev]").attr("href"))
			.isEqualTo("/admin/users?q=" + token + "&page=1");
		assertThat(second.select("nav.pagination a[rel=next]")).isEmpty();
		assertThat(second.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
	}

	@Test
	void aSearchWithoutMatchesShowsAnEmptyState() throws Exception {
		Document page = page(get("/admin/users").param("q", "nobody-" + UUID.randomUUID()));

		assertThat(page.select("table")).isEmpty();
		assertThat(page.select(".empty-state").text()).startsWith("No user matches");
		assertThat(page.select(".result-count").text()).startsWith("No users match");
		assertThat(page.select("a[href=/admin/users]").eachText()).contains("Show all users");
	}

	@Test
	void withoutASearchEveryUserIsListedWithTheTotal() throws Exception {
		Document page = page(get("/admin/users"));

		assertThat(page.select(".result-count").text()).isEqualTo(this.accounts.counts().users() + " users");
		assertThat(page.select("tr[data-user-id]")).hasSizeLessThanOrEqualTo(20).isNotEmpty();
	}

	@Test
	void aUserPageShowsTheDetailsAndALabelledCheckboxPerRole() throws Exception {
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR));

		Document page = page(get("/admin/users/{id}", mentor.id()));

		assertThat(page.select("[data-field=email]").text()).isEqualTo(mentor.getUsername());
		Element form = page.selectFirst("form[action=/admin/users/" + mentor.id() + "/roles]");
		assertThat(form.attr("method")).isEqualTo("post");
		assertThat(form.select("input[name=_csrf]")).hasSize(1);
		assertThat(form.select("input[type=checkbox]").eachAttr("value")).containsExactly("LEARNER", "MENTOR", "ADMIN");
		assertThat(form.select("input[checked]").eachAttr("value")).containsExactly("LEARNER", "MENTOR");
		for (Element box : form.select("input[type=checkbox]")) {
			assertThat(form.select("label[for=" + box.id() + "]")).hasSize(1);
		}
		assertThat(form.select("fieldset legend")).hasSize(1);
	}

	@Test
	void changingRolesSavesThemRedirectsAndWritesOneAuditEntryWithBeforeAndAfter() throws Exception {
		AccountPrincipal user = this.learners.aLearner();

		this.mvc
			.perform(post("/admin/users/{id}/roles", user.id()).param("roles", "LEARNER", "MENTOR")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/admin/users/" + user.id()))
			.andExpect(flashMessage("admin.flash.rolesChanged"));

		assertThat(this.accounts.findById(user.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.LEARNER,
				Role.MENTOR);
		assertThat(auditOf(user.id())).containsExactly(
				"ROLES_CHANGED|" + this.admin.id() + "|" + this.admin.getUsername() + "|LEARNER|LEARNER, MENTOR");
	}

	@Test
	void afterTheRedirectThePageSaysWhoseRolesChanged() throws Exception {
		AccountPrincipal user = this.learners.aLearner();
		Cookie[] session = Logins.session(this.mvc, this.admin.getUsername(), Learners.PASSWORD);

		Document page = Flashes.pageAfter(this.mvc, post("/admin/users/{id}/roles", user.id()).param("roles", "MENTOR"),
				session);

		// The layout shows every page's flash message above the page.
		assertThat(page.select(".flash[role=status]").text())
			.isEqualTo("Saved the new roles of " + user.getUsername() + ".");
		assertThat(page.select("[data-field=roles]").text()).isEqualTo("Mentor");
	}

	@Test
	void savingTheSameRolesChangesNothingAndWritesNothing() throws Exception {
		AccountPrincipal user = this.learners.aLearner();

		this.mvc
			.perform(post("/admin/users/{id}/roles", user.id()).param("roles", "LEARNER")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.rolesUnchanged"));

		assertThat(auditOf(user.id())).isEmpty();
	}

	@Test
	void removingEveryRoleIsRefusedWithAMessageAndChangesNothing() throws Exception {
		AccountPrincipal user = this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR));

		Document page = Html
			.of(this.mvc.perform(post("/admin/users/{id}/roles", user.id()).with(user(this.admin)).with(csrf()))
				.andExpect(status().isBadRequest())
				.andReturn());

		assertThat(page.select("[role=alert]").text()).startsWith("Choose at least one role");
		assertThat(page.select("input[type=checkbox][checked]")).isEmpty();
		assertThat(this.accounts.findById(user.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.LEARNER,
				Role.MENTOR);
		assertThat(auditOf(user.id())).isEmpty();
	}

	@Test
	void theLastAdminKeepsTheAdminRoleWithAClearMessageAndNothingIsWritten() throws Exception {
		long entries = auditCount();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		// Other tests' admins exist: take their role away in a transaction that is rolled
		// back, so that this admin is the last one only inside it. MockMvc runs the
		// request
		// on this thread, so the request joins that transaction.
		transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from user_role where role = 'ADMIN' and user_id <> :id")
				.param("id", this.admin.id())
				.update();
			try {
				Document page = Html.of(
						this.mvc
							.perform(post("/admin/users/{id}/roles", this.admin.id()).param("roles", "LEARNER")
								.with(user(this.admin))
								.with(csrf()))
							.andExpect(status().isBadRequest())
							.andReturn());
				assertThat(page.select("[role=alert]").text()).startsWith("This is the last admin");
				assertThat(page.select("input[checked]").eachAttr("value")).containsExactly("LEARNER");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(this.accounts.findById(this.admin.id()).orElseThrow().roles()).containsExactly(Role.ADMIN);
			assertThat(auditCount()).isEqualTo(entries);
			status.setRollbackOnly();
		});
	}

	@Test
	void anAdminMayGiveUpTheAdminRoleWhileAnotherAdminRemains() throws Exception {
		this.learners.withRoles(EnumSet.of(Role.ADMIN));

		this.mvc
			.perform(post("/admin/users/{id}/roles", this.admin.id()).param("roles", "MENTOR")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isSeeOther());

		assertThat(this.accounts.findById(this.admin.id()).orElseThrow().roles()).containsExactly(Role.MENTOR);
		assertThat(auditOf(this.admin.id()))
			.containsExactly("ROLES_CHANGED|" + this.admin.id() + "|" + this.admin.getUsername() + "|ADMIN|MENTOR");
	}

	@Test
	void unknownRolesAreBadRequestsAndChangeNothing() throws Exception {
		AccountPrincipal user = this.learners.aLearner();

		this.mvc
			.perform(post("/admin/users/{id}/roles", user.id()).param("roles", "SUPERUSER")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isBadRequest());

		assertThat(this.accounts.findById(user.id()).orElseThrow().roles()).containsExactly(Role.LEARNER);
	}

	@Test
	void unknownUsersAreNotFound() throws Exception {
		this.mvc.perform(get("/admin/users/{id}", Long.MAX_VALUE).with(user(this.admin)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/users/{id}/roles", Long.MAX_VALUE).param("roles", "LEARNER")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/users/{id}/roles", Long.MAX_VALUE).with(user(this.admin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/not-a-number").with(user(this.admin))).andExpect(status().isBadRequest());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Html.of(this.mvc.perform(request.with(user(this.admin))).andExpect(status().isOk()).andReturn());
	}

	private List<String> auditOf(long userId) {
		return this.jdbc.sql("""
				select action || '|' || actor_id || '|' || actor_email || '|' || coalesce(before_value, '')
					|| '|' || coalesce(after_value, '')
				from audit_log where target_user_id = :id order by id""")
			.param("id", userId)
			.query(String.class)
			.list();
	}

	private long auditCount() {
		return this.jdbc.sql("select count(*) from audit_log").query(Long.class).single();
	}

	private Account create(String displayName, String email) {
		return this.accounts.createIfAbsent(email, displayName, Learners.PASSWORD, EnumSet.of(Role.LEARNER))
			.orElseThrow();
	}

	private static String token() {
		return "tok" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
