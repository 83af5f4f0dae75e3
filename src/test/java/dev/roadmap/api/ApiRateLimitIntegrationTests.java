package dev.roadmap.api;

import java.net.http.HttpResponse;
import java.util.Set;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.TokenScope;
import dev.roadmap.test.ApiClient;
import dev.roadmap.test.Http;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token that calls too often gets 429 with {@code Retry-After}, and another token of
 * the same user is not slowed by it.
 */
@RoadmapIntegrationTest
@TestPropertySource(properties = "roadmap.api.requests-per-minute=3")
class ApiRateLimitIntegrationTests {

	@Autowired
	Http http;

	@Autowired
	Learners learners;

	@Autowired
	AccessTokenService tokens;

	@Test
	void aTokenPastItsRateIsToldWhenToRetry() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		String busy = this.tokens.issue(learner, "busy", 7, Set.of(TokenScope.PROGRESS_READ)).secret();
		String calm = this.tokens.issue(learner, "calm", 7, Set.of(TokenScope.PROGRESS_READ)).secret();

		for (int i = 0; i < 3; i++) {
			assertThat(me(busy).statusCode()).as("request %d", i).isEqualTo(200);
		}
		HttpResponse<String> refused = me(busy);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(refused.body()).contains(ApiProblem.TYPE_PREFIX + "rate-limited");
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 20L));
		assertThat(me(calm).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> me(String token) throws Exception {
		return new ApiClient(this.http).get("/api/v1/me", token);
	}

}
