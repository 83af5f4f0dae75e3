package dev.roadmap.system;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may do what. Visitors browse the roadmap; learners change their own statuses; every
 * form carries a CSRF token (Spring Security's default, kept on). How a login is checked,
 * throttled and remembered comes from the account module; a new session id at login
 * (Spring Security's default) defeats session fixation. Every response, error pages
 * included, carries a strict Content-Security-Policy and the other security headers; HSTS
 * is sent on HTTPS requests (behind a proxy, as its {@code X-Forwarded-Proto} says).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * No tracing observation around each of Spring Security's filters: it wrapped every
	 * request's two dozen filters in observations and timers of their own (a fifth of
	 * what a static file costs). The request as a whole is still measured
	 * ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The Content-Security-Policy and Referrer-Policy of every filter chain (beside
	 * Spring Security's other default headers).
	 */
	private static void securityHeaders(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY)));
	}

	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName("CSRF");
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return tokens;
	}

	/**
	 * The operators' endpoints: health (UP or DOWN, nothing more) for load balancers;
	 * build information and Prometheus metrics for admins only, with HTTP Basic (a
	 * scraper cannot fill in a login form), throttled like every login, and without a
	 * session.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http, AuthenticationManager loginAuthenticationManager)
			throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.authenticationManager(loginAuthenticationManager)
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Read-only endpoints (GET) for scripts, no forms: nothing to forge.
			.csrf((csrf) -> csrf.disable());
		securityHeaders(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager loginAuthenticationManager,
			AuthenticationSuccessHandler loginSuccessHandler, AuthenticationFailureHandler loginFailureHandler,
			RememberMeServices rememberMeServices) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/", "/stages/**", "/css/**", "/js/**", "/webjars/**",
							"/images/**", "/favicon.svg", "/actuator/health/**")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/u/*")
					.permitAll()
					.requestMatchers("/register", "/login", "/error")
					.permitAll()
					.requestMatchers("/password-reset", "/password-reset/**")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/stages/*/skills/*/**")
					.hasRole("LEARNER")
					.requestMatchers("/dashboard")
					.hasRole("LEARNER")
					.requestMatchers("/mentor", "/mentor/**")
					.hasRole("MENTOR")
					.requestMatchers("/admin", "/admin/**")
					.hasRole("ADMIN")
					.anyRequest()
					.authenticated());
		// The CSRF token lives in a cookie of its own (checked against the form's hidden
		// field),
		// not in the session: the login and sign-up pages then create no session, and a
		// bot
		// fetching them cannot fill the session table with rows that live for hours.
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens()));
		http.authenticationManager(loginAuthenticationManager);
		http.formLogin((login) -> login.loginPage("/login")
			.successHandler(loginSuccessHandler)
			.failureHandler(loginFailureHandler));
		http.rememberMe((rememberMe) -> rememberMe.rememberMeServices(rememberMeServices));
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"));
		securityHeaders(http);
		http.addFilterAfter(new ErrorDispatchHeadersFilter(CONTENT_SECURITY_POLICY, REFERRER_POLICY),
				HeaderWriterFilter.class);
		return http.build();
	}

}
