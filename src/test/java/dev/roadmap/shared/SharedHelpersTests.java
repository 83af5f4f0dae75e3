package dev.roadmap.shared;

import java.net.URI;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedHelpersTests {

	@Test
	void sha256IsTheStandardDigest() {
		// FIPS 180-2's first example.
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.of("abc")).hasSize(32).isEqualTo(Sha256.of("abc".getBytes()));
		assertThat(Sha256.hex("é")).isNotEqualTo(Sha256.hex("e"));
	}

	@Test
	void anEmailAddressIsOneAddressWhateverItsCaseAndSpaces() {
		assertThat(EmailAddresses.normalize("  Ada.Lovelace@Example.ORG \t")).isEqualTo("ada.lovelace@example.org");
		assertThat(EmailAddresses.normalize(null)).isEmpty();
	}

	@Test
	void normalisingIgnoresTheDefaultLocale() {
		Locale before = Locale.getDefault();
		try {
			// In Turkish, "I" lowers to a dotless "ı": an address must not.
			Locale.setDefault(Locale.forLanguageTag("tr-TR"));
			assertThat(EmailAddresses.normalize("INFO@EXAMPLE.ORG")).isEqualTo("info@example.org");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void onlyAbsoluteHttpAddressesWithAHostAreWebAddresses() {
		assertThat(WebAddresses.isWebAddress(URI.create("https://example.org/x"))).isTrue();
		assertThat(WebAddresses.isWebAddress(URI.create("HTTP://example.org"))).isTrue();
		assertThat(WebAddresses.isWebAddress(URI.create("javascript:alert(1)"))).isFalse();
		assertThat(WebAddresses.isWebAddress(URI.create("data:text/html,hi"))).isFalse();
		assertThat(WebAddresses.isWebAddress(URI.create("/relative/path"))).isFalse();
		assertThat(WebAddresses.isWebAddress(URI.create("https:///no-host"))).isFalse();
		assertThat(WebAddresses.isWebAddress(URI.create("ftp://example.org"))).isFalse();
	}

}
