package dev.roadmap.account.registration;

import java.util.EnumSet;

import dev.roadmap.account.PasswordPolicy;
import dev.roadmap.account.Role;
import dev.roadmap.account.core.User;
import dev.roadmap.account.core.Users;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The first admin from {@code ROADMAP_ADMIN_EMAIL} and {@code ROADMAP_ADMIN_PASSWORD}.
 * The tests share a database that has admins already, so the ones that need a deployment
 * without any run in a transaction that removes them and is rolled back.
 */
@RoadmapIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIntegrationTests {

	private static final String PASSWORD = "a strong admin password";

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Learners learners;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	@Transactional
	void createsTheConfiguredAdminOnceWhenThereIsNoAdmin(CapturedOutput output) {
		withoutAdmins();
		String email = Learners.uniqueEmail();

		assertThat(firstAdmin("  " + email.toUpperCase() + " ", PASSWORD).createIfNoAdmin()).isTrue();
		assertThat(firstAdmin(email, PASSWORD).createIfNoAdmin()).isFalse();

		User admin = this.users.findByEmail(email).orElseThrow();
		assertThat(admin.toAccount().roles()).containsExactly(Role.ADMIN);
		assertThat(this.passwordEncoder.matches(PASSWORD, admin.passwordHash())).isTrue();
		assertThat(admins()).isOne();
		assertThat(output).contains("Created the first admin account, " + email).doesNotContain(PASSWORD);
	}

	@Test
	void doesNothingWhenAnAdminExists(CapturedOutput output) {
		this.learners.withRoles(EnumSet.of(Role.ADMIN));
		String email = Learners.uniqueEmail();

		assertThat(firstAdmin(email, PASSWORD).createIfNoAdmin()).isFalse();

		assertThat(this.users.existsByEmail(email)).isFalse();
		assertThat(output).contains("An admin account exists").doesNotContain(PASSWORD);
	}

	@Test
	void doesNothingWhenNotConfigured() {
		long before = admins();

		assertThat(firstAdmin("", "").createIfNoAdmin()).isFalse();

		assertThat(admins()).isEqualTo(before);
	}

	@Test
	@Transactional
	void neverMakesAnExistingAccountAnAdmin() {
		withoutAdmins();
		String registered = this.learners.aLearner().getUsername();

		assertThatIllegalStateException().isThrownBy(() -> firstAdmin(registered, PASSWORD).createIfNoAdmin())
			.withMessageContaining("belongs to an existing account");

		assertThat(admins()).isZero();
	}

	@Test
	void refusesToStartWithAPasswordShorterThanTwelveCharacters() {
		assertThatIllegalStateException().isThrownBy(() -> firstAdmin(Learners.uniqueEmail(), "eleven char"))
			.withMessageContaining("ROADMAP_ADMIN_PASSWORD")
			.withMessageContaining("at least 12 characters")
			.withMessageNotContaining("eleven char");
	}

	@Test
	void refusesToStartWithHalfASetting() {
		assertThatIllegalStateException().isThrownBy(() -> firstAdmin(Learners.uniqueEmail(), ""))
			.withMessageContaining("Set both ROADMAP_ADMIN_EMAIL and ROADMAP_ADMIN_PASSWORD");
		assertThatIllegalStateException().isThrownBy(() -> firstAdmin("", PASSWORD))
			.withMessageContaining("Set both ROADMAP_ADMIN_EMAIL and ROADMAP_ADMIN_PASSWORD");
		assertThatIllegalStateException().isThrownBy(() -> firstAdmin("not an address", PASSWORD))
			.withMessageContaining("not an e-mail address");
	}

	@Test
	@Transactional
	void takesAPasswordLongerThanBcryptReadsAsRegistrationDoes() {
		withoutAdmins();
		String email = Learners.uniqueEmail();
		// 37 characters, 74 bytes: bcrypt alone would read only the first 72 bytes.
		String password = "é".repeat(37);

		assertThat(firstAdmin(email, password).createIfNoAdmin()).isTrue();

		String hash = this.users.findByEmail(email).orElseThrow().passwordHash();
		assertThat(this.passwordEncoder.matches(password, hash)).isTrue();
		assertThat(this.passwordEncoder.matches("é".repeat(36), hash)).isFalse();
	}

	@Test
	void refusesWhatThePasswordPolicyRefuses() {
		assertThatIllegalStateException().isThrownBy(() -> firstAdmin(Learners.uniqueEmail(), "x".repeat(129)))
			.withMessageContaining("at most 128 characters");
		assertThatIllegalStateException().isThrownBy(() -> firstAdmin(Learners.uniqueEmail(), "password1234"))
			.withMessageContaining("most common passwords")
			.withMessageNotContaining("password1234");
	}

	private FirstAdmin firstAdmin(String email, String password) {
		return new FirstAdmin(new AdminProperties(email, password), new PasswordPolicy(), this.users, this.jdbc,
				this.passwordEncoder, this.transaction, this.events);
	}

	private void withoutAdmins() {
		this.jdbc.sql("delete from user_role where role = 'ADMIN'").update();
	}

	private long admins() {
		return this.jdbc.sql("select count(*) from user_role where role = 'ADMIN'").query(Long.class).single();
	}

}
