package dev.roadmap.system;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Visitors browse the roadmap; learners change their own statuses; every
 * form carries a CSRF token (Spring Security's default, kept on).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
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
					.requestMatchers("/mentor", "/mentor/**")
					.hasRole("MENTOR")
					.requestMatchers("/admin", "/admin/**")
					.hasRole("ADMIN")
					.anyRequest()
					.authenticated());
		http.formLogin((login) -> login.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"));
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"));
		return http.build();
	}

}
