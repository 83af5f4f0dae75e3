package dev.roadmap.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.roadmap.account.internal.User;
import dev.roadmap.account.internal.Users;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and finds accounts. E-mail addresses are compared ignoring case and surrounding
 * spaces; passwords are stored only as hashes.
 */
@Service
public class AccountService {

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	AccountService(Users users, PasswordEncoder passwordEncoder) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Registers a new learner.
	 * @throws EmailAlreadyRegisteredException if the address already has an account
	 */
	@Transactional
	public Account register(String email, String displayName, String password) {
		return create(email, displayName, password, EnumSet.of(Role.LEARNER));
	}

	/**
	 * Creates the account unless one exists for the address.
	 * @return the new account, or empty if it already existed
	 */
	@Transactional
	public Optional<Account> createIfAbsent(String email, String displayName, String password, Set<Role> roles) {
		if (this.users.existsByEmail(normalizeEmail(email))) {
			return Optional.empty();
		}
		return Optional.of(create(email, displayName, password, roles));
	}

	@Transactional(readOnly = true)
	public Optional<Account> findById(long id) {
		return this.users.findById(id).map(User::toAccount);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByEmail(String email) {
		return this.users.findByEmail(normalizeEmail(email)).map(User::toAccount);
	}

	private Account create(String email, String displayName, String password, Set<Role> roles) {
		String normalized = normalizeEmail(email);
		if (this.users.existsByEmail(normalized)) {
			throw new EmailAlreadyRegisteredException(normalized);
		}
		User user = new User(normalized, displayName.strip(), this.passwordEncoder.encode(password), roles);
		try {
			return this.users.saveAndFlush(user).toAccount();
		}
		catch (DataIntegrityViolationException ex) {
			// Two registrations for the same address at once: the unique constraint
			// decides.
			throw new EmailAlreadyRegisteredException(normalized);
		}
	}

	static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The user's own view of their account, including their time zone; empty for an
	 * unknown or deleted account.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountProfile> profileOf(long id) {
		return this.users.findById(id).filter((user) -> !user.deleted()).map(User::toProfile);
	}

}
