package dev.roadmap.account;

import java.util.HashSet;
import java.util.Set;

import dev.roadmap.account.core.User;
import dev.roadmap.account.core.Users;
import dev.roadmap.account.rememberme.RememberMeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's logins: the sessions (stored in PostgreSQL, so ending them here ends them on
 * every instance) and the browsers kept logged in.
 */
@Service
public class AccountSessions {

	private static final Logger logger = LoggerFactory.getLogger(AccountSessions.class);

	private final Users users;

	private final RememberMeTokens rememberMeTokens;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(Users users, RememberMeTokens rememberMeTokens,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.users = users;
		this.rememberMeTokens = rememberMeTokens;
		this.sessions = sessions;
	}

	/**
	 * Logs the user out everywhere: ends all their sessions, the caller's own included,
	 * and forgets every browser they asked to be kept logged in on.
	 * @return how many sessions were ended
	 */
	@Transactional
	public int logOutEverywhere(long userId) {
		int forgotten = this.rememberMeTokens.deleteAllOf(userId);
		int ended = this.users.findById(userId).map(User::toAccount).map(this::endSessions).orElse(0);
		logger.info("Logged user {} out everywhere: {} sessions ended, {} remembered browsers forgotten", userId, ended,
				forgotten);
		return ended;
	}

	/**
	 * Ends every other login of the user after a change of password or address: all their
	 * sessions but the caller's, and every browser kept logged in.
	 * @param principalName the name their sessions were opened with (the e-mail address
	 * before a change of address)
	 * @param keepSessionId the caller's own session, or null to end all
	 * @return how many sessions were ended
	 */
	@Transactional
	public int endOtherLogins(long userId, String principalName, String keepSessionId) {
		this.rememberMeTokens.deleteAllOf(userId);
		Set<String> ids = new HashSet<>(this.sessions.findByPrincipalName(principalName).keySet());
		ids.remove(keepSessionId);
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

	private int endSessions(Account account) {
		// Spring Session indexes sessions by the principal's name, the e-mail address.
		Set<String> ids = this.sessions.findByPrincipalName(account.email()).keySet();
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

}
