package dev.roadmap.system;

import dev.roadmap.test.Http;
import dev.roadmap.test.RoadmapIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request is measured by: the request as a whole, not each of Spring
 * Security's filters.
 */
@RoadmapIntegrationTest
class ObservationsIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	MeterRegistry meters;

	@Test
	void aRequestIsTimedAsAWholeAndSecurityFiltersAreNotObservedOneByOne() throws Exception {
		assertThat(this.http.get("/stages/apis").statusCode()).isEqualTo(200);

		assertThat(this.meters.find("http.server.requests").tag("uri", "/stages/{slug}").timer()).isNotNull();
		assertThat(this.meters.find("spring.security.filterchains").meters()).isEmpty();
		assertThat(this.meters.find("spring.security.filterchains.active").meters()).isEmpty();
	}

}
