package dev.roadmap.progress.web;

import java.util.List;
import java.util.Locale;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.Progress;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Html;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Progress bars rendered once and reused (ProgressBars): each page still shows the
 * viewer's own numbers, and a bar's words and markup are those of its fragment.
 */
@RoadmapIntegrationTest
class ProgressBarsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Learners learners;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	ProgressBars bars;

	@Test
	void eachLearnerSeesTheirOwnNumbersInTheReusedBars() throws Exception {
		AccountPrincipal busy = this.learners.aLearner();
		AccountPrincipal idle = this.learners.aLearner();
		List<Skill> skills = this.roadmap.stage("databases").orElseThrow().skills();
		this.progress.setStatus(busy.id(), skills.get(0), SkillStatus.DONE);
		this.progress.setStatus(busy.id(), skills.get(1), SkillStatus.SKIPPED);

		for (String page : List.of("/", "/dashboard")) {
			Element busyBar = bar(page(page, busy), "databases");
			Element idleBar = bar(page(page, idle), "databases");
			Element busyAgain = bar(page(page, busy), "databases");

			int counted = skills.size() - 1;
			assertThat(busyBar.selectFirst("progress").attr("value")).isEqualTo(String.valueOf(100 / counted));
			assertThat(busyBar.selectFirst(".progress-detail").text())
				.isEqualTo("1 of " + counted + " counted skills done, 1 skipped");
			assertThat(idleBar.selectFirst("progress").attr("value")).isEqualTo("0");
			assertThat(idleBar.selectFirst(".progress-detail").text())
				.isEqualTo("0 of " + skills.size() + " counted skills done");
			assertThat(busyAgain.outerHtml()).isEqualTo(busyBar.outerHtml());
		}
	}

	@Test
	void aBarIsItsFragmentWithTheNamesEscaped() {
		String bar = this.bars.bar(new Progress(2, 0, 4), "apis", "Your progress", "<APIs & more>", Locale.ENGLISH);

		Element parsed = Jsoup.parseBodyFragment(bar).selectFirst("div.progress");
		assertThat(bar).contains("&lt;APIs &amp; more&gt;").doesNotContain("<APIs");
		assertThat(parsed.selectFirst("#progress-label-apis").text()).isEqualTo("Your progress: <APIs & more>");
		assertThat(parsed.selectFirst("progress[data-stage=apis]").attr("aria-labelledby"))
			.isEqualTo("progress-label-apis");
		assertThat(parsed.selectFirst(".progress-value").text()).isEqualTo("50% done");
		assertThat(this.bars.bar(new Progress(2, 0, 4), "apis", "Your progress", "<APIs & more>", Locale.ENGLISH))
			.isSameAs(bar);
		assertThat(this.bars.bar(new Progress(3, 0, 4), "apis", "Your progress", "<APIs & more>", Locale.ENGLISH))
			.contains("75% done");
	}

	private Document page(String path, AccountPrincipal learner) throws Exception {
		return Html.of(this.mvc.perform(get(path).with(user(learner))).andExpect(status().isOk()).andReturn());
	}

	private static Element bar(Document page, String stage) {
		return page.selectFirst("progress[data-stage=" + stage + "]").parent();
	}

}
