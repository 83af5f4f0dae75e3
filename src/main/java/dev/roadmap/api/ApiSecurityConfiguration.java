package dev.roadmap.api;

import dev.roadmap.account.AccessTokenService;
import dev.roadmap.account.TokenScope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who may call what under {@code /api/}: tokens only. The chain keeps no session and
 * reads none, so a session cookie (or a remember-me cookie) authenticates nothing here,
 * and with no cookie to ride on there is nothing for CSRF to forge; the pages' chain
 * keeps CSRF on. Each route needs the scope that names what it does.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String SCOPE_PROGRESS_READ = TokenScope.PROGRESS_READ.authority();

	static final String SCOPE_PROGRESS_WRITE = TokenScope.PROGRESS_WRITE.authority();

	static final String SCOPE_REVIEWS_WRITE = TokenScope.REVIEWS_WRITE.authority();

	static final String SCOPE_MENTORING_READ = TokenScope.MENTORING_READ.authority();

	static final String SCOPE_MENTORING_WRITE = TokenScope.MENTORING_WRITE.authority();

	/**
	 * The API's description and its browsable page: public, read-only, no session. The
	 * page's own script is a file, but it styles elements inline, hence its policy.
	 */
	@Bean
	@Order(-1)
	SecurityFilterChain apiDocsFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/**").permitAll().anyRequest().denyAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
							+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")));
		stateless(http);
		return http.build();
	}

	@Bean
	@Order(-2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, AccessTokenService tokens, ApiProperties properties)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/stages", "/api/v1/stages/*")
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/api/v1/me")
						.authenticated()
						.requestMatchers(HttpMethod.GET, "/api/v1/me/**")
						.hasAuthority(SCOPE_PROGRESS_READ)
						.requestMatchers(HttpMethod.PUT, "/api/v1/me/skills/*/*/status")
						.hasAuthority(SCOPE_PROGRESS_WRITE)
						.requestMatchers(HttpMethod.POST, "/api/v1/me/skills/*/*/review",
								"/api/v1/me/skills/*/*/review/comments")
						.hasAuthority(SCOPE_REVIEWS_WRITE)
						.requestMatchers(HttpMethod.GET, "/api/v1/mentor/**")
						.hasAuthority(SCOPE_MENTORING_READ)
						.requestMatchers(HttpMethod.POST, "/api/v1/mentor/reviews/*/*/*/*")
						.hasAuthority(SCOPE_MENTORING_WRITE)
						// A route of one's own or one's learners' data that no rule above
						// names needs a scope nobody has: a new route is closed until its
						// scope is said here.
						.requestMatchers("/api/v1/me/**", "/api/v1/mentor/**")
						.denyAll()
						.anyRequest()
						.authenticated())
			.formLogin((login) -> login.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.anonymous((anonymous) -> {
			})
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
						ApiProblem.UNAUTHENTICATED,
						"Send a personal access token as 'Authorization: Bearer <token>'; make one on your account page.",
						"Bearer"))
				.accessDeniedHandler(
						(request, response, ex) -> ProblemResponses.write(response, ApiProblem.INSUFFICIENT_SCOPE,
								"The token's scopes, or your account's roles, do not allow this request.",
								"Bearer error=\"insufficient_scope\"")))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.addFilterBefore(
					new TokenAuthenticationFilter(tokens,
							new TokenRateLimits(properties.requestsPerMinute(), System::nanoTime)),
					BasicAuthenticationFilter.class);
		stateless(http);
		return http.build();
	}

	/**
	 * No session read or written, no saved request, no CSRF: nothing here rides on a
	 * cookie, so there is nothing to forge.
	 */
	private static void stateless(HttpSecurity http) throws Exception {
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
	}

}
