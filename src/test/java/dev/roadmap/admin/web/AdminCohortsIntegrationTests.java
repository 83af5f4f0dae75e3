package dev.roadmap.admin.web;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.mentoring.Cohort;
import dev.roadmap.mentoring.CohortMember;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
 * The cohort admin pages and every cohort action, with their audit entries, over HTTP.
 */
@RoadmapIntegrationTest
class AdminCohortsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	CohortService cohorts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDecisions decisions;

	AccountPrincipal admin;

	@BeforeEach
	void logInAsAnAdmin() {
		this.admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
	}

	@Test
	void creatingACohortRedirectsToItsPageAndWritesAnAuditEntry() throws Exception {
		String name = uniqueName();

		MvcResult created = perform(post("/admin/cohorts").param("name", "  " + name + " "))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.cohortCreated", name))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();

		Cohort cohort = cohortNamed(name);
		assertThat(location).isEqualTo("/admin/cohorts/" + cohort.id());
		assertThat(auditOf(cohort)).containsExactly("COHORT_CREATED||" + name);
		assertThat(actorsOf(cohort)).containsExactly(this.admin.displayName() + " " + this.admin.getUsername());
		Document page = page(get(location));
		assertThat(page.select("h1").text()).isEqualTo(name);
		assertThat(page.select("[data-field=status]").text()).isEqualTo("Active");
	}

	@Test
	void theCohortPageShowsEachMentorsWorkloadOverTheLast30Days() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal mo = this.learners.learner().named("Mo " + uniqueName()).withRoles(Role.MENTOR).create();
		AccountPrincipal max = this.learners.learner().named("Max " + uniqueName()).withRoles(Role.MENTOR).create();
		Skill project = this.roadmap.stage("projects").orElseThrow().skills().get(0);
		AccountPrincipal ada = this.learners.learner().with(project, SkillStatus.DONE).create();
		this.cohorts.enrol(cohort.id(), ada.id());
		this.cohorts.assignMentor(cohort.id(), mo.id());
		this.cohorts.assignMentor(cohort.id(), max.id());
		// Iteration 1: Mo answers after 2 hours and asks for changes after 4; iteration 2
		// (5 hours ago): Max approves after 3 hours. A request of 40 days ago is not
		// counted.
		this.reviews.requestReview(ada.id(), project, new Evidence("https://git.example.com/a/1", null, null));
		this.decisions.comment(mo.id(), ada.id(), project, "Looking at it.");
		this.decisions.claim(mo.id(), ada.id(), project.id());
		this.decisions.requestChanges(mo.id(), ada.id(), project, 1, "Add tests.");
		this.reviews.requestReview(ada.id(), project, new Evidence("https://git.example.com/a/2", null, null));
		this.decisions.claim(max.id(), ada.id(), project.id());
		this.decisions.approve(max.id(), ada.id(), project, 2, null);
		List<String> hoursAgo = List.of("10", "8", "6", "5", "2");
		List<Long> events = this.jdbc.sql("select id from review_event where user_id = :ada order by id")
			.param("ada", ada.id())
			.query(Long.class)
			.list();
		for (int i = 0; i < events.size(); i++) {
			this.jdbc.sql("update review_event set occurred_at = now() - make_interval(hours => :hours) where id = :id")
				.param("hours", Integer.parseInt(hoursAgo.get(i)))
				.param("id", events.get(i))
				.update();
		}
		this.jdbc.sql("""
				insert into review_event (user_id, skill_id, actor_id, action, occurred_at)
				values (:ada, :skill, :ada, 'REQUESTED', now() - interval '40 days'),
					(:ada, :skill, :mo, 'APPROVED', now() - interval '39 days')""")
			.param("ada", ada.id())
			.param("skill", project.id())
			.param("mo", mo.id())
			.update();

		Document page = page(get("/admin/cohorts/" + cohort.id()));

		Element moRow = page.selectFirst("tr[data-workload=" + mo.id() + "]");
		Element maxRow = page.selectFirst("tr[data-workload=" + max.id() + "]");
		assertThat(events).hasSize(5);
		assertThat(moRow.select("[data-answered]").text()).isEqualTo("1");
		assertThat(moRow.select("[data-first-answer]").text()).isEqualTo("2 hours");
		assertThat(moRow.select("[data-decision]").text()).isEqualTo("4 hours");
		assertThat(maxRow.select("[data-answered]").text()).as("only the iteration Max answered").isEqualTo("1");
		assertThat(maxRow.select("[data-first-answer]").text()).isEqualTo("3 hours");
		assertThat(maxRow.select("[data-decision]").text()).isEqualTo("3 hours");
		assertThat(moRow.select("[data-waiting]").text()).isEqualTo("0");
		Cohort empty = this.cohorts.create(uniqueName());
		assertThat(page(get("/admin/cohorts/" + empty.id())).select("#workload .empty-state").text())
			.contains("Nothing to measure yet");
	}

	@Test
	void theCohortListShowsActiveCohortsFirstMarksArchivedOnesAndCountsMembers() throws Exception {
		Cohort archived = this.cohorts.create("0 archived " + uniqueName());
		this.cohorts.setArchived(archived.id(), true);
		Cohort active = this.cohorts.create("z active " + uniqueName());
		this.cohorts.enrol(active.id(), this.learners.aLearner().id());
		this.cohorts.enrol(active.id(), this.learners.aLearner().id());
		this.cohorts.assignMentor(active.id(), this.learners.withRoles(EnumSet.of(Role.MENTOR)).id());

		Document page = page(get("/admin/cohorts"));

		List<String> ids = page.select("tr[data-cohort-id]").eachAttr("data-cohort-id");
		assertThat(ids.indexOf(String.valueOf(active.id()))).isLessThan(ids.indexOf(String.valueOf(archived.id())));
		assertThat(page.select("tr[data-archived=true]").eachAttr("data-cohort-id"))
			.contains(String.valueOf(archived.id()))
			.doesNotContain(String.valueOf(active.id()));
		Element row = page.selectFirst("tr[data-cohort-id=" + active.id() + "]");
		assertThat(row.select("th[scope=row] a").attr("href")).isEqualTo("/admin/cohorts/" + active.id());
		assertThat(row.select("[data-field=learners]").text()).isEqualTo("2");
		assertThat(row.select("[data-field=mentors]").text()).isEqualTo("1");
		assertThat(page.select("tr[data-cohort-id=" + archived.id() + "] .badge").text()).isEqualTo("Archived");
		assertThat(page.select("table th[scope=col]")).hasSize(4);
		assertThat(page.select("form[action=/admin/cohorts] label[for=name]")).hasSize(1);
	}

	@Test
	void aNameThatIsTakenIsRefusedWithAMessageAndWritesNothing() throws Exception {
		Cohort existing = this.cohorts.create(uniqueName());
		long entries = auditCount();

		Document page = Html
			.of(perform(post("/admin/cohorts").param("name", existing.name())).andExpect(status().isBadRequest())
				.andReturn());

		assertThat(page.select("#name-error").text())
			.isEqualTo("A cohort with this name already exists. Choose another name.");
		assertThat(page.select("input#name").val()).isEqualTo(existing.name());
		assertThat(page.select("input#name").attr("aria-invalid")).isEqualTo("true");
		assertThat(auditCount()).isEqualTo(entries);
	}

	@Test
	void anEmptyOrTooLongNameIsRefusedWithAMessageAndCreatesNothing() throws Exception {
		long entries = auditCount();
		long count = this.cohorts.cohorts().size();

		Document empty = Html
			.of(perform(post("/admin/cohorts").param("name", "   ")).andExpect(status().isBadRequest()).andReturn());
		Document tooLong = Html
			.of(perform(post("/admin/cohorts").param("name", "x".repeat(101))).andExpect(status().isBadRequest())
				.andReturn());

		assertThat(empty.select("#name-error").text()).isEqualTo("Give the cohort a name.");
		assertThat(empty.select("[role=alert]")).hasSize(1);
		assertThat(tooLong.select("#name-error").text()).isEqualTo("Use at most 100 characters for the name.");
		assertThat(this.cohorts.cohorts()).hasSize((int) count);
		assertThat(auditCount()).isEqualTo(entries);
	}

	@Test
	void renamingRecordsTheOldAndNewName() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		String name = uniqueName();

		perform(post("/admin/cohorts/{id}/name", cohort.id()).param("name", name)).andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flashMessage("admin.flash.cohortRenamed"));

		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().name()).isEqualTo(name);
		assertThat(auditOf(cohort)).containsExactly("COHORT_RENAMED|" + cohort.name() + "|" + name);
	}

	@Test
	void renamingToTheSameNameChangesNothingAndWritesNothing() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());

		perform(post("/admin/cohorts/{id}/name", cohort.id()).param("name", cohort.name() + " "))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.cohortNameUnchanged"));

		assertThat(auditOf(cohort)).isEmpty();
	}

	@Test
	void renamingToATakenOrEmptyNameIsRefusedAndWritesNothing() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		Cohort other = this.cohorts.create(uniqueName());

		Document taken = Html.of(perform(post("/admin/cohorts/{id}/name", cohort.id()).param("name", other.name()))
			.andExpect(status().isBadRequest())
			.andReturn());
		Document empty = Html.of(perform(post("/admin/cohorts/{id}/name", cohort.id()).param("name", ""))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(taken.select("#name-error").text()).startsWith("A cohort with this name already exists");
		assertThat(taken.select("h1").text()).isEqualTo(cohort.name());
		assertThat(empty.select("#name-error").text()).isEqualTo("Give the cohort a name.");
		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().name()).isEqualTo(cohort.name());
		assertThat(auditOf(cohort)).isEmpty();
	}

	@Test
	void archivingAsksForConfirmationOnAPageThatWorksWithoutJavaScript() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());

		Document page = page(get("/admin/cohorts/{id}", cohort.id()));
		String confirmation = page.select("a[href$=/archive]").attr("href");
		Document confirm = page(get(confirmation));

		assertThat(confirmation).isEqualTo("/admin/cohorts/" + cohort.id() + "/archive");
		assertThat(page.select("form[action$=/archive]")).as("the cohort page does not archive at once").isEmpty();
		Element form = confirm.selectFirst("main form[method=post]");
		assertThat(form.attr("action")).isEqualTo(confirmation);
		assertThat(form.select("input[name=_csrf]")).hasSize(1);
		assertThat(form.select("button[type=submit]").text()).isEqualTo("Yes, archive this cohort");
		assertThat(confirm.select("main a[href=/admin/cohorts/" + cohort.id() + "]")).isNotEmpty();
		assertThat(confirm.select("main script, [onclick], [onsubmit]")).as("nothing needs JavaScript").isEmpty();
		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().archived()).as("looking changes nothing").isFalse();
	}

	@Test
	void archivingAndRestoringRecordTheStateBeforeAndAfter() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());

		perform(post("/admin/cohorts/{id}/archive", cohort.id())).andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id()))
			.andExpect(flashMessage("admin.flash.cohortArchived"));
		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().archived()).isTrue();
		Document archived = page(get("/admin/cohorts/{id}", cohort.id()));
		assertThat(archived.select("[data-field=status]").text()).isEqualTo("Archived");
		assertThat(archived.select("form[action$=/restore] button").text()).isEqualTo("Restore cohort");

		perform(post("/admin/cohorts/{id}/archive", cohort.id()))
			.andExpect(flashMessage("admin.flash.cohortAlreadyArchived"));
		perform(post("/admin/cohorts/{id}/restore", cohort.id())).andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.cohortRestored"));

		assertThat(this.cohorts.cohort(cohort.id()).orElseThrow().archived()).isFalse();
		assertThat(auditOf(cohort)).containsExactly("COHORT_ARCHIVED|ACTIVE|ARCHIVED",
				"COHORT_RESTORED|ARCHIVED|ACTIVE");
	}

	@Test
	void learnersAreEnrolledByEmailListedAndRemovedWithAnAuditEntryEach() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal learner = this.learners.aLearner();

		perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("email",
				"  " + learner.getUsername().toUpperCase() + " "))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id() + "#learners"))
			.andExpect(flashMessage("admin.flash.learnerEnrolled"));

		assertThat(this.cohorts.learnersOf(cohort.id())).extracting(CohortMember::userId).containsExactly(learner.id());
		Document page = page(get("/admin/cohorts/{id}", cohort.id()));
		Element row = page.selectFirst("table[data-members=learners] tr[data-user-id=" + learner.id() + "]");
		assertThat(row.select("td").first().text()).isEqualTo(learner.getUsername());
		String removal = row.select("form").attr("action");
		assertThat(removal).isEqualTo("/admin/cohorts/" + cohort.id() + "/learners/" + learner.id() + "/remove");
		assertThat(row.select("button").text()).startsWith("Remove").contains(learner.getUsername());

		perform(post(removal)).andExpect(status().isSeeOther()).andExpect(flashMessage("admin.flash.learnerRemoved"));

		assertThat(this.cohorts.learnersOf(cohort.id())).isEmpty();
		String target = "|" + learner.id();
		assertThat(auditWithUserOf(cohort)).containsExactly("LEARNER_ENROLLED|NOT_ENROLLED|ENROLLED" + target,
				"LEARNER_UNENROLLED|ENROLLED|NOT_ENROLLED" + target);
	}

	@Test
	void enrollingTwiceOrRemovingSomeoneNotEnrolledChangesNothingAndWritesNothing() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal learner = this.learners.aLearner();
		this.cohorts.enrol(cohort.id(), learner.id());
		AccountPrincipal outsider = this.learners.aLearner();

		perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("email", learner.getUsername()))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.learnerAlreadyEnrolled"));
		perform(post("/admin/cohorts/{id}/learners/{user}/remove", cohort.id(), outsider.id()))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.learnerNotEnrolled"));

		assertThat(this.cohorts.learnersOf(cohort.id())).extracting(CohortMember::userId).containsExactly(learner.id());
		assertThat(auditOf(cohort)).isEmpty();
	}

	@Test
	void onlyLearnersCanBeEnrolled() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));

		Document page = Html
			.of(perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("email", mentor.getUsername()))
				.andExpect(status().isBadRequest())
				.andReturn());

		assertThat(page.select("#enrol-email-error").text())
			.isEqualTo("Only users with the learner role can be enrolled.");
		assertThat(page.select("input#enrol-email").val()).isEqualTo(mentor.getUsername());
		assertThat(this.cohorts.learnersOf(cohort.id())).isEmpty();
		assertThat(auditOf(cohort)).isEmpty();
	}

	@Test
	void unknownOrInvalidEmailAddressesAreRefusedWithAMessage() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());

		Document unknown = Html
			.of(perform(post("/admin/cohorts/{id}/learners", cohort.id()).param("email", Learners.uniqueEmail()))
				.andExpect(status().isBadRequest())
				.andReturn());
		Document invalid = Html
			.of(perform(post("/admin/cohorts/{id}/mentors", cohort.id()).param("email", "not an address"))
				.andExpect(status().isBadRequest())
				.andReturn());
		Document empty = Html.of(perform(post("/admin/cohorts/{id}/mentors", cohort.id()).param("email", ""))
			.andExpect(status().isBadRequest())
			.andReturn());

		assertThat(unknown.select("#enrol-email-error").text()).startsWith("No account has this e-mail address.");
		assertThat(invalid.select("#mentor-email-error").text()).startsWith("Enter a valid e-mail address");
		assertThat(empty.select("#mentor-email-error").text()).isEqualTo("This field is required.");
		assertThat(auditOf(cohort)).isEmpty();
	}

	@Test
	void mentorsAreAssignedByEmailListedAndUnassignedWithAnAuditEntryEach() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal mentor = this.learners.withRoles(EnumSet.of(Role.MENTOR));

		perform(post("/admin/cohorts/{id}/mentors", cohort.id()).param("email", mentor.getUsername()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/admin/cohorts/" + cohort.id() + "#mentors"))
			.andExpect(flashMessage("admin.flash.mentorAssigned"));
		perform(post("/admin/cohorts/{id}/mentors", cohort.id()).param("email", mentor.getUsername()))
			.andExpect(flashMessage("admin.flash.mentorAlreadyAssigned"));

		Document page = page(get("/admin/cohorts/{id}", cohort.id()));
		assertThat(page.select("table[data-members=mentors] tr[data-user-id]").eachAttr("data-user-id"))
			.containsExactly(String.valueOf(mentor.id()));
		assertThat(page.select("table[data-members=learners]")).isEmpty();

		perform(post("/admin/cohorts/{id}/mentors/{user}/remove", cohort.id(), mentor.id()))
			.andExpect(status().isSeeOther())
			.andExpect(flashMessage("admin.flash.mentorUnassigned"));

		assertThat(this.cohorts.mentorsOf(cohort.id())).isEmpty();
		String target = "|" + mentor.id();
		assertThat(auditWithUserOf(cohort)).containsExactly("MENTOR_ASSIGNED|NOT_ASSIGNED|ASSIGNED" + target,
				"MENTOR_UNASSIGNED|ASSIGNED|NOT_ASSIGNED" + target);
	}

	@Test
	void onlyMentorsCanMentorACohort() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());
		AccountPrincipal learner = this.learners.aLearner();

		Document page = Html
			.of(perform(post("/admin/cohorts/{id}/mentors", cohort.id()).param("email", learner.getUsername()))
				.andExpect(status().isBadRequest())
				.andReturn());

		assertThat(page.select("#mentor-email-error").text())
			.isEqualTo("Only users with the mentor role can mentor a cohort.");
		assertThat(this.cohorts.mentorsOf(cohort.id())).isEmpty();
		assertThat(auditOf(cohort)).isEmpty();
	}

	@Test
	void aNewCohortShowsEmptyStatesForLearnersAndMentorsAndLabelledForms() throws Exception {
		Cohort cohort = this.cohorts.create(uniqueName());

		Document page = page(get("/admin/cohorts/{id}", cohort.id()));

		assertThat(page.select("#learners .empty-state").text()).startsWith("No learners yet");
		assertThat(page.select("#mentors .empty-state").text()).startsWith("No mentors yet");
		assertThat(page.select("main table")).isEmpty();
		for (Element input : page.select("main form input:not([type=hidden])")) {
			assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
		}
		assertThat(page.select("main form[method=post]"))
			.allSatisfy((form) -> assertThat(form.select("input[name=_csrf]")).as(form.attr("action")).hasSize(1));
	}

	@Test
	void unknownCohortsAreNotFoundAndNothingIsWritten() throws Exception {
		long unknown = Long.MAX_VALUE;
		AccountPrincipal learner = this.learners.aLearner();
		long entries = auditCount();

		perform(get("/admin/cohorts/{id}", unknown)).andExpect(status().isNotFound());
		perform(get("/admin/cohorts/{id}/archive", unknown)).andExpect(status().isNotFound());
		perform(post("/admin/cohorts/{id}/name", unknown).param("name", uniqueName())).andExpect(status().isNotFound());
		perform(post("/admin/cohorts/{id}/archive", unknown)).andExpect(status().isNotFound());
		perform(post("/admin/cohorts/{id}/restore", unknown)).andExpect(status().isNotFound());
		perform(post("/admin/cohorts/{id}/learners", unknown).param("email", learner.getUsername()))
			.andExpect(status().isNotFound());
		perform(post("/admin/cohorts/{id}/learners/{user}/remove", unknown, learner.id()))
			.andExpect(status().isNotFound());
		perform(post("/admin/cohorts/{id}/mentors", unknown).param("email", learner.getUsername()))
			.andExpect(status().isNotFound());
		perform(post("/admin/cohorts/{id}/mentors/{user}/remove", unknown, learner.id()))
			.andExpect(status().isNotFound());

		assertThat(auditCount()).isEqualTo(entries);
	}

	@Test
	void htmlInACohortNameIsShownAsText() throws Exception {
		String name = "<script>alert('x')</script><b>" + UUID.randomUUID().toString().substring(0, 8);
		perform(post("/admin/cohorts").param("name", name)).andExpect(status().isSeeOther());
		Cohort cohort = cohortNamed(name);

		for (String path : List.of("/admin/cohorts", "/admin/cohorts/" + cohort.id(),
				"/admin/cohorts/" + cohort.id() + "/archive", "/admin/audit")) {
			String body = perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(body).as(path).doesNotContain("<script>alert").doesNotContain("<b>");
			assertThat(body).as(path).contains("&lt;script&gt;alert(");
		}
		Document page = page(get("/admin/cohorts/{id}", cohort.id()));
		assertThat(page.select("h1").text()).isEqualTo(name);
		assertThat(page.select("main script, main b")).isEmpty();
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(this.admin)).with(csrf()));
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Html.of(perform(request).andExpect(status().isOk()).andReturn());
	}

	private Cohort cohortNamed(String name) {
		return this.cohorts.cohorts().stream().filter((cohort) -> cohort.name().equals(name)).findFirst().orElseThrow();
	}

	private List<String> auditOf(Cohort cohort) {
		return this.jdbc.sql("""
				select action || '|' || coalesce(before_value, '') || '|' || coalesce(after_value, '')
				from audit_log where target_cohort_id = :id order by id""")
			.param("id", cohort.id())
			.query(String.class)
			.list();
	}

	private List<String> auditWithUserOf(Cohort cohort) {
		return this.jdbc.sql("""
				select action || '|' || before_value || '|' || after_value || '|' || target_user_id
				from audit_log where target_cohort_id = :id order by id""")
			.param("id", cohort.id())
			.query(String.class)
			.list();
	}

	private List<String> actorsOf(Cohort cohort) {
		return this.jdbc.sql("select actor_name || ' ' || actor_email from audit_log where target_cohort_id = :id")
			.param("id", cohort.id())
			.query(String.class)
			.list();
	}

	private long auditCount() {
		return this.jdbc.sql("select count(*) from audit_log").query(Long.class).single();
	}

	private static String uniqueName() {
		return "Cohort " + UUID.randomUUID();
	}

}
