package dev.roadmap.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void aPasswordShorterThanTwelveCharactersIsTooShort() {
		assertThat(this.policy.violation("eleven chrs")).contains(PasswordPolicy.TOO_SHORT);
		assertThat(this.policy.violation("")).contains(PasswordPolicy.TOO_SHORT);
		assertThat(this.policy.violation(null)).contains(PasswordPolicy.TOO_SHORT);
	}

	@Test
	void aPasswordLongerThan128CharactersIsTooLong() {
		assertThat(this.policy.violation("x".repeat(129))).contains(PasswordPolicy.TOO_LONG);
		assertThat(this.policy.violation("a quiet river ".repeat(10).substring(0, 128))).isEmpty();
	}

	@Test
	void lengthCountsCharactersNotCodeUnits() {
		// Eleven emoji are 22 UTF-16 code units but only 11 characters.
		assertThat(this.policy.violation("🙂".repeat(11))).contains(PasswordPolicy.TOO_SHORT);
		assertThat(this.policy.violation("🙂".repeat(12))).isEmpty();
		assertThat(this.policy.violation("🙂".repeat(128))).isEmpty();
	}

	@Test
	void aCommonPasswordIsRefused() {
		assertThat(this.policy.violation("qwerty123456")).contains(PasswordPolicy.COMMON);
		assertThat(this.policy.violation("1qaz2wsx3edc")).contains(PasswordPolicy.COMMON);
	}

	@Test
	void commonPasswordsAreRecognisedWhateverTheirCaseAndSurroundingSpaces() {
		assertThat(this.policy.violation("QWERTY123456")).contains(PasswordPolicy.COMMON);
		assertThat(this.policy.violation("QwErTy123456")).contains(PasswordPolicy.COMMON);
		assertThat(this.policy.violation(" qwerty123456 ")).contains(PasswordPolicy.COMMON);
	}

	@Test
	void aLongUncommonPasswordIsAccepted() {
		assertThat(this.policy.violation("correct horse battery")).isEmpty();
		assertThat(this.policy.violation("Ünïcödé pässwörd ☕")).isEmpty();
	}

	@Test
	void theShippedListHoldsAboutTenThousandPasswordsTheLengthRuleWouldLetThrough() {
		assertThat(this.policy.isCommon("123qweasdzxc")).as("the most common of them").isTrue();
		assertThat(this.policy.isCommon("dthfdkflbvbhjdyf")).as("the 10,000th").isTrue();
	}

}
