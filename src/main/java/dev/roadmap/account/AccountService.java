package dev.roadmap.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.roadmap.account.core.User;
import dev.roadmap.account.core.Users;
import dev.roadmap.shared.EmailAddresses;
import dev.roadmap.shared.PageOf;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, finds and searches accounts, and changes their roles. E-mail addresses are
 * compared ignoring case and surrounding spaces; passwords are stored only as hashes.
 */
@Service
public class AccountService {

	/**
	 * Up to how many matches a search sorts them all; beyond, it walks the name index
	 * (see {@link Users#searchManyIds}).
	 */
	static final int FEW_MATCHES = 1_000;

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	AccountService(Users users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
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
		if (this.users.existsByEmail(EmailAddresses.normalize(email))) {
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
		return this.users.findByEmail(EmailAddresses.normalize(email)).map(User::toAccount);
	}

	/**
	 * Finds users whose e-mail address or display name contains the query, ignoring case,
	 * ordered by display name. A blank query matches everyone. A page past the last one
	 * gives the last page. Reads with three statements whatever the page size.
	 * @param page the page number, from 1
	 * @param size how many users a page holds
	 */
	@Transactional(readOnly = true)
	public PageOf<Account> search(String query, int page, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("A page holds at least one account");
		}
		String term = (query != null) ? query.strip().toLowerCase(Locale.ROOT) : "";
		String pattern = "%" + escapeLike(term) + "%";
		// No term matches everyone: then the name index gives the page directly.
		long total = term.isEmpty() ? this.users.count() : this.users.countMatching(pattern);
		int lastPage = (int) Math.max(1, (total + size - 1) / size);
		int current = Math.min(Math.max(page, 1), lastPage);
		PageRequest request = PageRequest.of(current - 1, size);
		List<Long> ids = (total == 0) ? List.of() : term.isEmpty() ? this.users.allIds(request) : (total <= FEW_MATCHES)
				? this.users.searchFewIds(pattern, request) : this.users.searchManyIds(pattern, request);
		Map<Long, Account> byId = ids.isEmpty() ? Map.of()
				: this.users.findAllWithRoles(ids)
					.stream()
					.map(User::toAccount)
					.collect(Collectors.toMap(Account::id, Function.identity()));
		List<Account> accounts = ids.stream().map(byId::get).filter((account) -> account != null).toList();
		return new PageOf<>(accounts, current, size, total);
	}

	/**
	 * How many accounts there are, in all and per role.
	 */
	@Transactional(readOnly = true)
	public AccountCounts counts() {
		Map<String, Long> perRole = this.users.countByRole()
			.stream()
			.collect(Collectors.toMap((row) -> (String) row[0], (row) -> ((Number) row[1]).longValue()));
		return new AccountCounts(this.users.count(), perRole.getOrDefault(Role.LEARNER.name(), 0L),
				perRole.getOrDefault(Role.MENTOR.name(), 0L), perRole.getOrDefault(Role.ADMIN.name(), 0L));
	}

	/**
	 * Gives the user exactly these roles. Refused, with nothing changed, when no role is
	 * left or when the change would leave nobody with the admin role. Whenever the new
	 * roles lack the admin role, the user's row and every admin's row are locked first
	 * (in id order), so concurrent changes that each remove an admin run one after the
	 * other and the last admin always stays: the other admins are counted once the locks
	 * are held, and under READ COMMITTED (PostgreSQL's default) that count sees what the
	 * transaction it waited for committed. Other role changes lock only the user's row.
	 * @throws RoleChangeException if the change is refused
	 */
	@Transactional
	public RoleChange changeRoles(long userId, Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new RoleChangeException(RoleChangeException.Reason.NO_ROLES);
		}
		Set<Role> wanted = EnumSet.copyOf(roles);
		boolean mayRemoveAdmin = !wanted.contains(Role.ADMIN);
		boolean exists = mayRemoveAdmin ? this.users.lockWithAdmins(userId).contains(userId)
				: this.users.lockById(userId).isPresent();
		if (!exists) {
			throw new RoleChangeException(RoleChangeException.Reason.NO_SUCH_USER);
		}
		User user = this.users.findById(userId)
			.orElseThrow(() -> new RoleChangeException(RoleChangeException.Reason.NO_SUCH_USER));
		Set<Role> before = user.roles();
		if (mayRemoveAdmin && before.contains(Role.ADMIN) && this.users.countAdminsOtherThan(userId) == 0) {
			throw new RoleChangeException(RoleChangeException.Reason.LAST_ADMIN);
		}
		if (!before.equals(wanted)) {
			user.changeRoles(wanted);
			this.users.flush();
		}
		return new RoleChange(user.toAccount(), before, wanted);
	}

	private Account create(String email, String displayName, String password, Set<Role> roles) {
		String normalized = EmailAddresses.normalize(email);
		if (this.users.existsByEmail(normalized)) {
			throw new EmailAlreadyRegisteredException();
		}
		User user = new User(normalized, displayName.strip(), this.passwordEncoder.encode(password), roles);
		Account account;
		try {
			account = this.users.saveAndFlush(user).toAccount();
		}
		catch (DataIntegrityViolationException ex) {
			// Two registrations for the same address at once: the unique constraint
			// decides.
			throw new EmailAlreadyRegisteredException();
		}
		this.events.publishEvent(new AccountCreated(account.id()));
		return account;
	}

	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
