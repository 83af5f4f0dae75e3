package dev.roadmap.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.roadmap.account.core.User;
import dev.roadmap.account.core.Users;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's opt-in public progress page ({@code /u/{handle}}): its setting, kept on the
 * account, and the public profile a visitor of the page may see.
 */
@Service
public class PublicPageService {

	private final Users users;

	PublicPageService(Users users) {
		this.users = users;
	}

	/**
	 * Words that are not handles: the site's own pages, roles and words a visitor could
	 * take for the site itself speaking.
	 */
	static final Set<String> RESERVED_HANDLES = Set.of("about", "account", "actuator", "admin", "administrator",
			"anonymous", "api", "backend-roadmap", "css", "dashboard", "error", "help", "images", "js", "learner",
			"login", "logout", "me", "mentor", "moderator", "notifications", "null", "official", "password-reset",
			"public", "register", "roadmap", "root", "security", "settings", "signup", "stages", "staff", "support",
			"system", "team", "u", "undefined", "user", "users", "webjars", "www");

	private static final int HANDLE_MIN = 3;

	private static final int HANDLE_MAX = 30;

	private static final Pattern HANDLE = Pattern.compile("[a-z0-9-]+");

	/**
	 * Turns the user's public progress page ({@code /u/{handle}}) on or off. The handle
	 * is taken lower-cased: 3 to 30 letters a-z, digits and hyphens, not a reserved word,
	 * not another user's. Turning the page off keeps the handle, so the address stays the
	 * user's; a blank handle releases it and is allowed only with the page off. Refused
	 * whole, with nothing changed, by a {@link PublicHandleException}.
	 * @return the setting as stored
	 */
	@Transactional
	public PublicPage setPublicPage(long userId, boolean enabled, String handle) {
		String wanted = normalizeHandle(handle);
		if (wanted.isEmpty()) {
			if (enabled) {
				throw new PublicHandleException("publicPage.handleRequired");
			}
		}
		else {
			checkHandle(wanted);
			if (this.users.existsByPublicHandleAndIdNot(wanted, userId)) {
				throw new PublicHandleException("publicPage.handleTaken");
			}
		}
		User user = this.users.findById(userId)
			.filter((candidate) -> !candidate.deleted())
			.orElseThrow(() -> new IllegalStateException("No account " + userId));
		user.changePublicPage(enabled, wanted.isEmpty() ? null : wanted);
		try {
			this.users.flush();
		}
		catch (DataIntegrityViolationException ex) {
			// Someone took the handle a moment ago: the unique constraint decides.
			throw new PublicHandleException("publicPage.handleTaken");
		}
		return user.toPublicPage();
	}

	/**
	 * The user's public page setting; off for an unknown or deleted account.
	 */
	@Transactional(readOnly = true)
	public PublicPage publicPageOf(long userId) {
		return this.users.findById(userId)
			.filter((user) -> !user.deleted())
			.map(User::toPublicPage)
			.orElse(PublicPage.OFF);
	}

	/**
	 * The user whose public page is on under this handle (compared ignoring case), with
	 * only what is public; empty when no page is on under it. Read afresh every time, so
	 * a page turned off is gone at once.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicProfile> findByPublicHandle(String handle) {
		String wanted = normalizeHandle(handle);
		if (wanted.length() < HANDLE_MIN || wanted.length() > HANDLE_MAX || !HANDLE.matcher(wanted).matches()) {
			return Optional.empty();
		}
		return this.users.findPublicProfile(wanted);
	}

	private static void checkHandle(String handle) {
		if (handle.length() < HANDLE_MIN || handle.length() > HANDLE_MAX) {
			throw new PublicHandleException("publicPage.handleLength");
		}
		if (!HANDLE.matcher(handle).matches()) {
			throw new PublicHandleException("publicPage.handleCharacters");
		}
		if (RESERVED_HANDLES.contains(handle)) {
			throw new PublicHandleException("publicPage.handleReserved");
		}
	}

	static String normalizeHandle(String handle) {
		return (handle != null) ? handle.strip().toLowerCase(Locale.ROOT) : "";
	}

}
