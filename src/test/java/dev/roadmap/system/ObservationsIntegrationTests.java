package dev.roadmap.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request is measured by (the request as a whole, not each of Spring
 * Security's filters), and the product's own counters.
 */
@RoadmapIntegrationTest
class ObservationsIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Learners learners;

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Test
	void aRequestIsTimedAsAWholeAndSecurityFiltersAreNotObservedOneByOne() throws Exception {
		assertThat(this.http.get("/stages/apis").statusCode()).isEqualTo(200);

		assertThat(this.meters.find("http.server.requests").tag("uri", "/stages/{slug}").timer()).isNotNull();
		assertThat(this.meters.find("spring.security.filterchains").meters()).isEmpty();
		assertThat(this.meters.find("spring.security.filterchains.active").meters()).isEmpty();
	}

	@Test
	void statusChangesAndFailedLoginsAreCounted() throws Exception {
		long learner = this.learners.aLearner().id();
		Skill skill = this.roadmap.stage("apis").orElseThrow().skills().get(0);
		double changes = count("roadmap.status.changes", null);
		double failed = count("roadmap.logins", "failed");

		this.progress.setStatus(learner, skill, SkillStatus.DONE);
		this.progress.setStatus(learner, skill, SkillStatus.DONE);
		Http visitor = this.http.fresh();
		String token = Jsoup.parse(visitor.get("/login").body()).select("input[name=_csrf]").val();
		visitor.postForm("/login", "username=" + URLEncoder.encode(Learners.uniqueEmail(), StandardCharsets.UTF_8)
				+ "&password=wrong-password&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));

		assertThat(count("roadmap.status.changes", null)).as("a change, and a repeat that changed nothing")
			.isEqualTo(changes + 1);
		assertThat(count("roadmap.logins", "failed")).isEqualTo(failed + 1);
	}

	private double count(String name, String outcome) {
		var search = this.meters.find(name);
		if (outcome != null) {
			search = search.tag("outcome", outcome);
		}
		var counter = search.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
