package dev.roadmap.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.roadmap.test.Http;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's OpenAPI description as served equals its copy in {@code docs/openapi.json},
 * so that a change to the API shows in review. To accept a change, run this test with
 * {@code -Dopenapi.write=true}: it writes the served description to the copy.
 */
@RoadmapIntegrationTest
class OpenApiDescriptionIntegrationTests {

	static final Path COPY = Path.of("docs/openapi.json");

	@Autowired
	Http http;

	@Autowired
	JsonMapper json;

	@Test
	void theServedDescriptionIsTheCheckedInOne() throws Exception {
		Http client = this.http.fresh();
		HttpResponse<String> served = client.send(
				HttpRequest.newBuilder(client.uri("/v3/api-docs")).header("Accept", "application/json").GET().build());
		assertThat(served.statusCode()).isEqualTo(200);
		JsonNode description = this.json.readTree(served.body());
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(COPY, served.body().strip() + "\n");
		}

		assertThat(description.get("openapi").asString()).startsWith("3.1");
		assertThat(description.get("paths").propertyNames()).contains("/api/v1/stages", "/api/v1/me/progress",
				"/api/v1/me/skills/{stage}/{skill}/status");
		assertThat(description.get("paths").propertyNames()).allMatch((path) -> path.startsWith("/api/v1/"));
		assertThat(Files.exists(COPY)).as("%s (run with -Dopenapi.write=true to make it)", COPY).isTrue();
		assertThat(description)
			.as("the served description against %s (run with -Dopenapi.write=true to accept it)", COPY)
			.isEqualTo(this.json.readTree(Files.readString(COPY)));
	}

	@Test
	void theBrowsablePageIsServed() throws Exception {
		HttpResponse<String> page = this.http.fresh().get("/swagger-ui/index.html");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

}
