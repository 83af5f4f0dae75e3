package dev.roadmap.notification.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.notification.Notification;
import dev.roadmap.notification.NotificationService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.ReviewScenario;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import static dev.roadmap.test.Flashes.flashMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notifications page, opening a notification, marking all read and the header count,
 * over HTTP.
 */
@RoadmapIntegrationTest
class NotificationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NotificationService notifications;

	@Autowired
	Environment environment;

	@Autowired
	ReviewScenario scenario;

	AccountPrincipal ada;

	AccountPrincipal mo;

	Skill skill;

	@BeforeEach
	void adaIsInACohortMentoredByMo() {
		this.ada = this.scenario.learner("Ada Learner");
		this.mo = this.scenario.mentor("Mo Mentor");
		this.scenario.cohort(this.ada, this.mo);
		this.skill = this.scenario.skill("projects", 0);
	}

	@Test
	void aMentorChoosesTheDailyDigestOnTheNotificationsPageAndALearnerCannot() throws Exception {
		assertThat(page(this.mo, "/notifications").select("#digest").hasAttr("checked")).isFalse();

		this.mvc.perform(post("/notifications/digest").param("digest", "true").with(user(this.mo)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/notifications"));
		assertThat(page(this.mo, "/notifications").select("#digest").hasAttr("checked")).isTrue();
		this.mvc.perform(post("/notifications/digest").with(user(this.mo)).with(csrf()))
			.andExpect(status().isSeeOther());
		assertThat(page(this.mo, "/notifications").select("#digest").hasAttr("checked")).as("unticked").isFalse();

		assertThat(page(this.ada, "/notifications").select("form[action=/notifications/digest]")).isEmpty();
		this.mvc.perform(post("/notifications/digest").param("digest", "true").with(user(this.ada)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/notifications/digest").param("digest", "true").with(user(this.mo)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/notifications/digest").param("digest", "true").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void theListShowsNotificationsNewestFirstWithUnreadOnesMarked() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.comment(this.ada, this.skill, this.ada, "<script>alert(1)</script>");
		List<Notification> mine = all(this.mo);
		this.notifications.open(this.mo.id(), mine.get(1).id());

		Document page = page(this.mo, "/notifications");

		List<Element> items = page.select("li[data-notification]");
		assertThat(items).extracting((item) -> item.attr("data-notification"))
			.containsExactly(String.valueOf(mine.get(0).id()), String.valueOf(mine.get(1).id()));
		assertThat(items.get(0).hasClass("unread")).isTrue();
		assertThat(items.get(0).select(".notification-new").text()).isEqualTo("New");
		assertThat(items.get(0).select(".notification-text").text())
			.isEqualTo("Ada Learner commented on \"" + this.skill.title() + "\"");
		assertThat(items.get(0).select("a").attr("href")).isEqualTo("/notifications/" + mine.get(0).id());
		assertThat(items.get(0).select("time").text()).isEqualTo("just now");
		assertThat(items.get(1).hasClass("unread")).isFalse();
		assertThat(items.get(1).select(".notification-new")).isEmpty();
		assertThat(items.get(1).select(".notification-text").text())
			.isEqualTo("Ada Learner asked for a review of \"" + this.skill.title() + "\"");
		assertThat(page.select("main p.muted").first().text()).isEqualTo("2 notifications, 1 unread");
		Element markAll = page.selectFirst("form[action=/notifications/read]");
		assertThat(markAll.attr("method")).isEqualTo("post");
		assertThat(markAll.select("input[name=_csrf]")).hasSize(1);
		assertThat(markAll.select("button").text()).isEqualTo("Mark all as read");
		assertThat(page.select("nav.pagination")).isEmpty();
	}

	@Test
	void withoutNotificationsThePageSaysSo() throws Exception {
		Document page = page(this.scenario.learner("New Learner"), "/notifications");

		assertThat(page.select("h1").text()).isEqualTo("Notifications");
		assertThat(page.select("section.panel h2").text()).isEqualTo("Nothing here yet");
		assertThat(page.select("li[data-notification]")).isEmpty();
		assertThat(page.select("form[action=/notifications/read]")).isEmpty();
		assertThat(page.select("nav.pagination")).isEmpty();
	}

	@Test
	void theListHasTwentyNotificationsAPageWithPreviousAndNextLinks() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);
		for (int i = 1; i <= 24; i++) {
			this.scenario.comment(this.ada, this.skill, this.ada, "Comment " + i);
		}

		Document first = page(this.mo, "/notifications");
		Document second = page(this.mo, "/notifications?page=2");
		Document beyond = page(this.mo, "/notifications?page=9");

		assertThat(first.select("li[data-notification]")).hasSize(20);
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/notifications?page=2");
		assertThat(first.select("nav.pagination span").text()).isEqualTo("Page 1 of 2");
		assertThat(second.select("li[data-notification]")).hasSize(5);
		assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/notifications?page=1");
		assertThat(second.select("a[rel=next]")).isEmpty();
		assertThat(second.select("nav.pagination span").text()).isEqualTo("Page 2 of 2");
		assertThat(beyond.select("li[data-notification]")).isEmpty();
		assertThat(beyond.select("a[rel=prev]").attr("href")).isEqualTo("/notifications?page=8");
		this.mvc.perform(get("/notifications").param("page", "x").with(user(this.mo)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void openingANotificationMarksItReadAndGoesWhereItLeads() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.approve(this.ada, this.skill, this.mo);
		long mentorsNotification = all(this.mo).get(0).id();
		long learnersNotification = all(this.ada).get(0).id();

		this.mvc.perform(get("/notifications/{id}", mentorsNotification).with(user(this.mo)))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/mentor/reviews/" + this.ada.id() + "/" + this.skill.id()));
		this.mvc.perform(get("/notifications/{id}", learnersNotification).with(user(this.ada)))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/stages/projects#skill-" + this.skill.slug()));

		assertThat(this.notifications.unreadCount(this.mo.id())).isZero();
		assertThat(this.notifications.unreadCount(this.ada.id())).isZero();
	}

	@Test
	void someoneElsesNotificationIsNotFoundAndStaysUnread() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);
		long mentorsNotification = all(this.mo).get(0).id();
		AccountPrincipal otherMentor = this.scenario.mentor("Other Mentor");

		for (AccountPrincipal intruder : List.of(this.ada, otherMentor)) {
			this.mvc.perform(get("/notifications/{id}", mentorsNotification).with(user(intruder)))
				.andExpect(status().isNotFound())
				.andExpect(redirectedUrl(null));
		}
		this.mvc.perform(get("/notifications/{id}", Long.MAX_VALUE).with(user(this.mo)))
			.andExpect(status().isNotFound());

		assertThat(all(this.mo)).extracting(Notification::unread).containsExactly(true);
	}

	@Test
	void markAllAsReadClearsTheCountAndGoesBackToTheList() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.comment(this.ada, this.skill, this.ada, "Ping.");

		this.mvc.perform(post("/notifications/read").with(user(this.mo))).andExpect(status().isForbidden());
		assertThat(this.notifications.unreadCount(this.mo.id())).isEqualTo(2);

		this.mvc.perform(post("/notifications/read").with(user(this.mo)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/notifications"))
			.andExpect(flashMessage("notifications.allRead"));

		assertThat(this.notifications.unreadCount(this.mo.id())).isZero();
		Document page = page(this.mo, "/notifications");
		assertThat(page.select("li.unread")).isEmpty();
		assertThat(page.select("form[action=/notifications/read]")).isEmpty();
	}

	@Test
	void everyPageOfALoggedInUserShowsTheUnreadCountInTheHeader() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);
		this.scenario.comment(this.ada, this.skill, this.ada, "Ping.");

		Document home = page(this.mo, "/");

		Element link = home.selectFirst("header.site-header a.notifications-link");
		assertThat(link.attr("href")).isEqualTo("/notifications");
		assertThat(link.select(".count").text()).isEqualTo("2");
		assertThat(link.attr("aria-label")).isEqualTo("Notifications: 2 unread");
		this.mvc.perform(get("/stages/apis").with(user(this.mo))).andExpect(model().attribute("notificationCount", 2L));

		this.notifications.markAllRead(this.mo.id());

		Element none = page(this.mo, "/").selectFirst("header.site-header a.notifications-link");
		assertThat(none).isNotNull();
		assertThat(none.select(".count")).isEmpty();
	}

	@Test
	void visitorsSeeNoNotificationsAndCannotReachThem() throws Exception {
		Document home = Html.of(this.mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

		assertThat(home.select("a.notifications-link")).isEmpty();
		this.mvc.perform(get("/stages/apis")).andExpect(model().attributeDoesNotExist("notificationCount"));
		this.mvc.perform(get("/notifications")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/notifications/1")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/notifications/read").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void errorPagesOfALoggedInUserStillRenderWithTheCount() throws Exception {
		this.scenario.requestReview(this.ada, this.skill);
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String token = Jsoup.parse(send(browser, httpGet("/login")).body()).select("input[name=_csrf]").val();
		HttpResponse<String> login = send(browser, httpPost("/login", "username=" + encode(this.mo.getUsername())
				+ "&password=" + encode(Learners.PASSWORD) + "&_csrf=" + encode(token)));
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((url) -> assertThat(url).endsWith("/"));

		HttpResponse<String> missing = send(browser, httpGet("/stages/no-such-stage"));

		assertThat(missing.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(missing.body());
		assertThat(page.select("h1").text()).isEqualTo("Page not found");
		assertThat(page.select("a.notifications-link .count").text()).isEqualTo("1");
	}

	private Document page(AccountPrincipal user, String path) throws Exception {
		return Html.of(this.mvc.perform(get(path).with(user(user))).andExpect(status().isOk()).andReturn());
	}

	private List<Notification> all(AccountPrincipal user) {
		return this.notifications.list(user.id(), 0, NotificationService.MAX_PAGE_SIZE).items();
	}

	private HttpRequest httpGet(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build();
	}

	private HttpRequest httpPost(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
