package dev.roadmap.account.core;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * Hashes with bcrypt today and still reads any hash Spring Security knows, so the
	 * algorithm can be upgraded later without locking anybody out. Passwords longer than
	 * bcrypt's 72 bytes are pre-hashed (see {@link LongPasswordEncoder}).
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new LongPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

}
