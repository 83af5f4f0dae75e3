package dev.roadmap.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.NullRememberMeServices;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What a {@link ControllerSliceTest} plugs into the security configuration in place of
 * the account module's login, which checks passwords, throttles and remembers browsers in
 * the database: a login that accepts no password and a browser that is never remembered.
 * Tests in a slice act as someone with {@code user(...)}; tests of logging in boot the
 * whole application.
 */
@TestConfiguration(proxyBeanMethods = false)
class SliceLogin {

	@Bean
	AuthenticationManager loginAuthenticationManager() {
		return (authentication) -> {
			throw new BadCredentialsException(
					"A controller slice has no accounts: use user(...) or a " + "@RoadmapIntegrationTest");
		};
	}

	@Bean
	RememberMeServices rememberMeServices() {
		return new NullRememberMeServices();
	}

	@Bean
	AuthenticationSuccessHandler loginSuccessHandler() {
		return new SavedRequestAwareAuthenticationSuccessHandler();
	}

	@Bean
	AuthenticationFailureHandler loginFailureHandler() {
		return new SimpleUrlAuthenticationFailureHandler("/login?error");
	}

}
