package dev.roadmap.account.settings;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountProfile;
import dev.roadmap.account.PasswordPolicy;
import dev.roadmap.account.PersonalData;
import dev.roadmap.account.Role;
import dev.roadmap.account.core.AccountChangeException;
import dev.roadmap.account.core.User;
import dev.roadmap.account.core.Users;
import dev.roadmap.account.reset.PasswordResetTokens;
import dev.roadmap.shared.EmailAddresses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users change about their own account: name, e-mail address, time zone, password,
 * and deleting it. Every change is checked first and refused whole with an
 * {@link AccountChangeException}; the ones that matter for security need the current
 * password.
 */
@Service
class AccountSettings {

	/** What a user types to confirm deleting their account. */
	public static final String DELETE_CONFIRMATION = "DELETE";

	private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

	private static final List<String> SORTED_ZONES = List.copyOf(new TreeSet<>(ZONES));

	private final SecureRandom random = new SecureRandom();

	private final Users users;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final PasswordResetTokens resetTokens;

	private final ObjectProvider<PersonalData> personalData;

	AccountSettings(Users users, JdbcClient jdbc, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			PasswordResetTokens resetTokens, ObjectProvider<PersonalData> personalData) {
		this.users = users;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.resetTokens = resetTokens;
		this.personalData = personalData;
	}

	/**
	 * Every time zone a user may choose, sorted by id.
	 */
	public static List<String> timeZones() {
		return SORTED_ZONES;
	}

	@Transactional(readOnly = true)
	public AccountProfile profile(long userId) {
		return user(userId).toProfile();
	}

	@Transactional
	public Account changeDisplayName(long userId, String displayName) {
		String name = (displayName != null) ? displayName.strip() : "";
		if (name.isEmpty()) {
			throw new AccountChangeException("displayName", "NotBlank");
		}
		User user = user(userId);
		user.changeDisplayName(name);
		this.users.flush();
		return user.toAccount();
	}

	/**
	 * Moves the account to another address, after checking the current password. Reset
	 * links sent to the old address stop working.
	 */
	@Transactional
	public Account changeEmail(long userId, String currentPassword, String newEmail) {
		User user = user(userId);
		requirePassword(user, currentPassword);
		String email = EmailAddresses.normalize(newEmail);
		if (email.equals(user.email())) {
			throw new AccountChangeException("email", "account.emailUnchanged");
		}
		if (this.users.existsByEmail(email)) {
			throw new AccountChangeException("email", "registration.emailTaken");
		}
		user.changeEmail(email);
		try {
			this.users.flush();
		}
		catch (DataIntegrityViolationException ex) {
			// Someone registered the address a moment ago: the unique constraint decides.
			throw new AccountChangeException("email", "registration.emailTaken");
		}
		this.resetTokens.invalidateAll(userId);
		return user.toAccount();
	}

	@Transactional
	public Account changeTimeZone(long userId, String timeZone) {
		if (timeZone == null || !ZONES.contains(timeZone)) {
			throw new AccountChangeException("timeZone", "account.timeZoneUnknown");
		}
		User user = user(userId);
		user.changeTimeZone(timeZone);
		this.users.flush();
		return user.toAccount();
	}

	/**
	 * Sets a new password, after checking the current one and the policy. Reset links
	 * still outstanding stop working.
	 */
	@Transactional
	public Account changePassword(long userId, String currentPassword, String newPassword) {
		User user = user(userId);
		requirePassword(user, currentPassword);
		this.policy.violation(newPassword).ifPresent((key) -> {
			throw new AccountChangeException("newPassword", key);
		});
		if (this.passwordEncoder.matches(newPassword, user.passwordHash())) {
			throw new AccountChangeException("newPassword", "account.passwordUnchanged");
		}
		setPassword(user, newPassword);
		return user.toAccount();
	}

	private void setPassword(User user, String newPassword) {
		user.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.users.flush();
		this.resetTokens.invalidateAll(user.toAccount().id());
	}

	/**
	 * Deletes the account: checks the password and the typed confirmation, refuses to
	 * delete the last admin, has every module erase its part of the user's data, then
	 * empties the account row of everything personal (see docs/decisions.md, "Account
	 * deletion").
	 * @return the account as it was before, whose e-mail address names its sessions
	 */
	@Transactional
	public Account delete(long userId, String currentPassword, String confirmation) {
		// Lock the user's and every admin's row, in id order as role changes do, so two
		// admins deleting themselves at once cannot leave nobody in charge.
		List<Long> locked = this.jdbc.sql("""
				select id from app_user
				where id = :id or id in (select user_id from user_role where role = 'ADMIN')
				order by id for update""").param("id", userId).query(Long.class).list();
		if (!locked.contains(userId)) {
			throw new AccountChangeException("currentPassword", "account.wrongPassword");
		}
		User user = user(userId);
		requirePassword(user, currentPassword);
		if (confirmation == null || !DELETE_CONFIRMATION.equals(confirmation.strip())) {
			throw new AccountChangeException("confirmation", "account.delete.confirmationMismatch");
		}
		Account before = user.toAccount();
		if (before.roles().contains(Role.ADMIN) && otherAdmins(userId) == 0) {
			throw new AccountChangeException("confirmation", "account.delete.lastAdmin");
		}
		this.personalData.orderedStream().forEach((part) -> part.erase(userId));
		this.resetTokens.deleteAll(userId);
		user.anonymise(this.passwordEncoder.encode(randomSecret()));
		this.users.flush();
		return before;
	}

	private long otherAdmins(long userId) {
		return this.jdbc.sql("select count(*) from user_role where role = 'ADMIN' and user_id <> :id")
			.param("id", userId)
			.query(Long.class)
			.single();
	}

	private void requirePassword(User user, String password) {
		if (password == null || password.isEmpty() || !this.passwordEncoder.matches(password, user.passwordHash())) {
			throw new AccountChangeException("currentPassword", "account.wrongPassword");
		}
	}

	private User user(long userId) {
		return this.users.findById(userId)
			.filter((user) -> !user.deleted())
			.orElseThrow(() -> new IllegalStateException("No account " + userId));
	}

	private String randomSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
