package dev.roadmap.account.core;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

class LongPasswordEncoderTests {

	private final LongPasswordEncoder encoder = new LongPasswordEncoder(
			PasswordEncoderFactories.createDelegatingPasswordEncoder());

	@Test
	void passwordsThatFitBcryptAreHashedWithPlainBcrypt() {
		String password = "x".repeat(72);

		String hash = this.encoder.encode(password);

		assertThat(hash).startsWith("{bcrypt}$2");
		assertThat(this.encoder.matches(password, hash)).isTrue();
		assertThat(this.encoder.matches("x".repeat(71), hash)).isFalse();
	}

	@Test
	void longerPasswordsArePreHashedSoEveryCharacterCounts() {
		String password = "a long passphrase that goes on and on ".repeat(3) + "end";
		String sameStart = password.substring(0, password.length() - 3) + "END";

		String hash = this.encoder.encode(password);

		assertThat(hash).startsWith("{bcrypt-sha256}$2");
		assertThat(this.encoder.matches(password, hash)).isTrue();
		assertThat(this.encoder.matches(sameStart, hash)).as("differs after byte 72").isFalse();
	}

	@Test
	void multiByteCharactersCountInBytes() {
		// 40 characters, 80 bytes in UTF-8: too long for plain bcrypt.
		String password = "é".repeat(40);

		String hash = this.encoder.encode(password);

		assertThat(hash).startsWith("{bcrypt-sha256}");
		assertThat(this.encoder.matches(password, hash)).isTrue();
	}

	@Test
	void existingHashesStillMatch() {
		String legacy = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("correct horse battery");

		assertThat(this.encoder.matches("correct horse battery", legacy)).isTrue();
		assertThat(this.encoder.matches("wrong horse battery", legacy)).isFalse();
	}

}
