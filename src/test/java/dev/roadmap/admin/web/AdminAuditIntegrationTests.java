package dev.roadmap.admin.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.admin.Actor;
import dev.roadmap.admin.AuditAction;
import dev.roadmap.admin.AuditLog;
import dev.roadmap.admin.AuditTarget;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log page: newest first, paginated, saying who did what, when, to what, and
 * the values before and after.
 */
@RoadmapIntegrationTest
class AdminAuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	CohortService cohorts;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactionManager;

	AccountPrincipal admin;

	@BeforeEach
	void logInAsAnAdmin() {
		this.admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
	}

	@Test
	void theNewestEntryComesFirstAndSaysWhoWhatWhenTargetAndBeforeAndAfter() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String name = "Audited " + UUID.randomUUID();
		String renamed = "Renamed " + UUID.randomUUID();
		submit(post("/admin/cohorts").param("name", name));
		Cohort cohort = this.cohorts.cohorts().stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
		submit(post("/admin/cohorts/{id}/name", cohort.id()).param("name", renamed));

		Document page = page(get("/admin/audit"));

		Element newest = page.selectFirst("tbody tr");
		assertThat(newest.attr("data-action")).isEqualTo("COHORT_RENAMED");
		assertThat(newest.select("[data-field=who]").text())
			.isEqualTo(this.admin.displayName() + " " + this.admin.getUsername());
		assertThat(newest.select("[data-field=who]").first().tagName()).isEqualTo("th");
		assertThat(newest.select("[data-field=what]").text()).isEqualTo("Renamed cohort");
		assertThat(newest.select("[data-field=target]").text()).isEqualTo("Cohort: " + renamed);
		assertThat(newest.select("[data-field=target] a").attr("href")).isEqualTo("/admin/cohorts/" + cohort.id());
		assertThat(newest.select("[data-field=before]").text()).isEqualTo(name);
		assertThat(newest.select("[data-field=after]").text()).isEqualTo(renamed);
		Element time = newest.selectFirst("[data-field=when] time");
		assertThat(time.attr("datetime")).endsWith("Z");
		Instant when = OffsetDateTime.parse(time.attr("datetime")).toInstant();
		assertThat(when).isBetween(start, Instant.now().plusSeconds(1));
		assertThat(time.text()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC")
			.startsWith(time.attr("datetime").substring(0, 10));

		Element created = page.select("tbody tr").get(1);
		assertThat(created.attr("data-action")).isEqualTo("COHORT_CREATED");
		assertThat(created.select("[data-field=target]").text()).as("the name when it happened")
			.isEqualTo("Cohort: " + name);
		assertThat(created.select("[data-field=before]").text()).isEqualTo("(none)");
		assertThat(created.select("[data-field=after]").text()).isEqualTo(name);
		assertThat(page.select("thead th[scope=col]").eachText()).containsExactly("When (UTC)", "Who", "What", "Target",
				"Before", "After");
	}

	@Test
	void statesAreShownInWordsAndRoleChangesShowTheRoleSets() throws Exception {
		Cohort cohort = this.cohorts.create("States " + UUID.randomUUID());
		AccountPrincipal learner = this.learners.aLearner();
		submit(post("/admin/cohorts/{id}/archive", cohort.id()));
		submit(post("/admin/cohorts/{id}/learners", cohort.id()).param("email", learner.getUsername()));
		submit(post("/admin/users/{id}/roles", learner.id()).param("roles", "LEARNER", "MENTOR"));

		Document page = page(get("/admin/audit"));

		Element roles = page.select("tbody tr").get(0);
		assertThat(roles.select("[data-field=what]").text()).isEqualTo("Changed roles");
		assertThat(roles.select("[data-field=target] a").attr("href")).isEqualTo("/admin/users/" + learner.id());
		assertThat(roles.select("[data-field=target]").text()).contains(learner.getUsername());
		assertThat(roles.select("[data-field=before]").text()).isEqualTo("LEARNER");
		assertThat(roles.select("[data-field=after]").text()).isEqualTo("LEARNER, MENTOR");
		Element enrolled = page.select("tbody tr").get(1);
		assertThat(enrolled.select("[data-field=what]").text()).isEqualTo("Enrolled learner");
		assertThat(enrolled.select("[data-target=cohort]").text()).isEqualTo("Cohort: " + cohort.name());
		assertThat(enrolled.select("[data-target=user]").text()).contains(learner.getUsername());
		assertThat(enrolled.select("[data-field=before]").text()).isEqualTo("Not enrolled");
		assertThat(enrolled.select("[data-field=after]").text()).isEqualTo("Enrolled");
		Element archived = page.select("tbody tr").get(2);
		assertThat(archived.select("[data-field=before]").text()).isEqualTo("Active");
		assertThat(archived.select("[data-field=after]").text()).isEqualTo("Archived");
	}

	@Test
	void theLogComesFiftyEntriesToAPageWithPreviousAndNextLinks() throws Exception {
		Cohort cohort = this.cohorts.create("Paged " + UUID.randomUUID());
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			for (int i = 0; i <= AuditController.PAGE_SIZE; i++) {
				this.audit.record(Actor.of(this.admin), AuditAction.COHORT_RENAMED, AuditTarget.cohort(cohort),
						"name " + i, "name " + (i + 1));
			}
		});

		Document first = page(get("/admin/audit"));
		Document second = page(get("/admin/audit").param("page", "2"));

		assertThat(first.select("tbody tr")).hasSize(AuditController.PAGE_SIZE);
		assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/admin/audit?page=2");
		assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
		assertThat(first.select("nav.pagination a[aria-current=page]").text()).isEqualTo("1");
		assertThat(first.select(".result-count").text()).matches("\\d+ entries");
		assertThat(second.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/admin/audit?page=1");
		assertThat(second.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
		assertThat(second.select("tbody tr")).isNotEmpty();
		assertThat(second.select("tbody tr").first().attr("data-audit-id"))
			.isNotEqualTo(first.select("tbody tr").first().attr("data-audit-id"));
	}

	@Test
	void entriesAreWrittenOnlyInsideTheTransactionOfTheChange() {
		Cohort cohort = this.cohorts.create("Outside " + UUID.randomUUID());

		assertThatThrownBy(() -> this.audit.record(Actor.of(this.admin), AuditAction.COHORT_CREATED,
				AuditTarget.cohort(cohort), null, cohort.name()))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private void submit(MockHttpServletRequestBuilder request) throws Exception {
		this.mvc.perform(request.with(user(this.admin)).with(csrf())).andExpect(status().isSeeOther());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Html.of(this.mvc.perform(request.with(user(this.admin))).andExpect(status().isOk()).andReturn());
	}

}
