package dev.roadmap.system;

import java.net.http.HttpResponse;

import dev.roadmap.test.Http;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout loads htmx from its webjar under a versioned address, resolved once rather
 * than per link by Spring's resource chain (which is off).
 */
@RoadmapIntegrationTest
class AssetsIntegrationTests {

	@Autowired
	Http http;

	@Test
	void everyPageLoadsHtmxFromItsVersionedWebjarAddress() throws Exception {
		String src = Jsoup.parse(this.http.fresh().get("/stages/databases").body()).select("script[src]").attr("src");

		assertThat(src).matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js");
		HttpResponse<String> script = this.http.fresh().get(src);
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("htmx");
	}

}
