package dev.roadmap.account.internal;

import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's stored sessions (Spring Session keeps them in PostgreSQL, indexed by the
 * principal's name, which is the e-mail address), so a changed password, a changed
 * address or a deleted account takes effect on every device at once.
 */
@Component
public class UserSessions {

	private static final Logger logger = LoggerFactory.getLogger(UserSessions.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Deletes every session of the principal except the one with the given id.
	 * @param keepSessionId the session to keep (the current one), or null for none
	 * @return how many sessions were ended
	 */
	public int endAll(String principalName, String keepSessionId) {
		FindByIndexNameSessionRepository<? extends Session> repository = this.sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		Map<String, ? extends Session> found = repository.findByPrincipalName(principalName);
		int ended = 0;
		for (String id : found.keySet()) {
			if (!Objects.equals(id, keepSessionId)) {
				repository.deleteById(id);
				ended++;
			}
		}
		logger.debug("Ended {} session(s) of a user", ended);
		return ended;
	}

}
