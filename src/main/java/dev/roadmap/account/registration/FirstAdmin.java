package dev.roadmap.account.registration;

import java.util.EnumSet;

import dev.roadmap.account.AccountCreated;
import dev.roadmap.account.PasswordPolicy;
import dev.roadmap.account.Role;
import dev.roadmap.account.core.User;
import dev.roadmap.account.core.Users;
import dev.roadmap.shared.EmailAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first admin of a real deployment, from {@code ROADMAP_ADMIN_EMAIL} and
 * {@code ROADMAP_ADMIN_PASSWORD} ({@code roadmap.admin.email}, {@code .password}):
 * created at start-up only while no admin exists, so the settings can stay in place
 * afterwards. Instances starting together take turns through a transaction-level advisory
 * lock, so exactly one creates the account. A password that is too short stops the
 * start-up; the password is never logged.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdmin.class);

	// Any fixed number: the advisory lock that serializes this check across instances.
	private static final long LOCK = 0x526f61646d6170L;

	private final String email;

	private final String password;

	private final PasswordPolicy policy;

	private final Users users;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	FirstAdmin(AdminProperties admin, PasswordPolicy policy, Users users, JdbcClient jdbc,
			PasswordEncoder passwordEncoder, TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.email = EmailAddresses.normalize(admin.email());
		this.password = admin.password();
		this.policy = policy;
		this.users = users;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.transaction = transaction;
		this.events = events;
		check();
	}

	private void check() {
		if (this.email.isEmpty() && this.password.isEmpty()) {
			return;
		}
		if (this.email.isEmpty() || this.password.isEmpty()) {
			throw new IllegalStateException("Set both ROADMAP_ADMIN_EMAIL and ROADMAP_ADMIN_PASSWORD "
					+ "(roadmap.admin.email and roadmap.admin.password) to create the first admin, or neither");
		}
		if (!this.email.matches("[^@\\s]+@[^@\\s]+") || this.email.length() > 254) {
			throw new IllegalStateException("ROADMAP_ADMIN_EMAIL (roadmap.admin.email) is not an e-mail address");
		}
		// The rules every password follows (LongPasswordEncoder takes any length the
		// policy does).
		this.policy.violation(this.password).ifPresent((violation) -> {
			throw new IllegalStateException("ROADMAP_ADMIN_PASSWORD (roadmap.admin.password) " + problem(violation)
					+ ". No admin account was created.");
		});
	}

	private static String problem(String violation) {
		return switch (violation) {
			case PasswordPolicy.TOO_SHORT -> "is too short: use at least " + PasswordPolicy.MIN_LENGTH + " characters";
			case PasswordPolicy.TOO_LONG -> "is too long: use at most " + PasswordPolicy.MAX_LENGTH + " characters";
			case PasswordPolicy.COMMON -> "is one of the most common passwords: choose another";
			default -> "is not accepted (" + violation + ")";
		};
	}

	@Override
	public void run(ApplicationArguments args) {
		createIfNoAdmin();
	}

	/**
	 * Creates the configured admin unless there is an admin already.
	 * @return whether it created one
	 */
	boolean createIfNoAdmin() {
		if (this.email.isEmpty()) {
			return false;
		}
		Boolean created = this.transaction.execute((status) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((rs) -> {
			});
			if (this.jdbc.sql("select exists (select 1 from user_role where role = 'ADMIN')")
				.query(Boolean.class)
				.single()) {
				logger.info("An admin account exists, so ROADMAP_ADMIN_EMAIL ({}) was not used: it only creates the "
						+ "first admin and can be removed now", this.email);
				return false;
			}
			if (this.users.existsByEmail(this.email)) {
				throw new IllegalStateException("ROADMAP_ADMIN_EMAIL (" + this.email + ") belongs to an existing "
						+ "account that is not an admin; it is not made one, since anyone could have registered "
						+ "it. Use another address for the first admin.");
			}
			User admin = this.users.saveAndFlush(
					new User(this.email, "Admin", this.passwordEncoder.encode(this.password), EnumSet.of(Role.ADMIN)));
			this.events.publishEvent(new AccountCreated(admin.toAccount().id()));
			logger.info("Created the first admin account, {}, from ROADMAP_ADMIN_EMAIL and ROADMAP_ADMIN_PASSWORD",
					this.email);
			return true;
		});
		return Boolean.TRUE.equals(created);
	}

}
