package dev.roadmap.account.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import dev.roadmap.account.AccountSessions;
import dev.roadmap.account.core.Users;
import dev.roadmap.account.rememberme.HashedTokenRememberMeServices;
import dev.roadmap.account.rememberme.RememberMeTokens;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * How users log in, for the security configuration to plug in: the authentication manager
 * (throttled e-mail and password, and remember-me), the "keep me logged in" services and
 * where a login goes next.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LoginConfiguration {

	/**
	 * E-mail and password, checked by Spring Security's {@link DaoAuthenticationProvider}
	 * (which runs the password encoder on a dummy hash for unknown e-mail addresses, so
	 * both cost the same), behind the {@link LoginThrottle}; and remember-me logins.
	 * Built here rather than from the {@code UserDetailsService} bean, with no parent, so
	 * that no other provider ever gets a second go at a failed password.
	 */
	@Bean
	AuthenticationManager loginAuthenticationManager(UserDetailsService userDetailsService,
			PasswordEncoder passwordEncoder, LoginThrottle throttle, HashedTokenRememberMeServices rememberMe,
			ObjectProvider<AuthenticationEventPublisher> events, MeterRegistry meters) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetailsService);
		passwords.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, meters),
				new RememberMeAuthenticationProvider(rememberMe.getKey()));
		events.ifAvailable(manager::setAuthenticationEventPublisher);
		return manager;
	}

	/**
	 * The key only ties a remember-me authentication to this process between the cookie
	 * check and the authentication manager (the cookie's secret is the stored token), so
	 * each instance draws its own.
	 */
	@Bean
	HashedTokenRememberMeServices rememberMeServices(UserDetailsService userDetailsService, RememberMeTokens tokens,
			Users users, AccountSessions sessions, LoginProperties properties) {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		LoginProperties.RememberMe remembered = properties.rememberMe();
		return new HashedTokenRememberMeServices(HexFormat.of().formatHex(key), userDetailsService, tokens, users,
				sessions, remembered.validity(), remembered.rotationGrace(), Clock.systemUTC());
	}

	@Bean
	AuthenticationSuccessHandler loginSuccessHandler() {
		return new LocalRedirectSuccessHandler();
	}

	@Bean
	AuthenticationFailureHandler loginFailureHandler() {
		return new LoginFailureHandler(Clock.systemUTC());
	}

}
