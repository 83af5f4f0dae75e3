package dev.roadmap.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's repository without the statements a request that changes nothing
 * costs. Spring Session saves the session at the end of every request, if only to move
 * its last access time, and reads it a second time right after saving it (to check that
 * the id the browser sent is still good). This repository saves a session only when
 * something in it changed, or when its last access time has moved by more than
 * {@link #TOUCH_INTERVAL}; and it answers that second read with the session it just
 * saved. A session therefore expires up to a minute earlier than its idle timeout (8
 * hours by default) says, which nobody can tell.
 * <p>
 * The session it just saved is held per thread until {@link #forgetSaved} is called at
 * the end of the request, by {@link SessionStoreConfiguration}'s filter.
 */
final class QuietSessionRepository implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession> {

	/**
	 * How far the last access time may lag behind before a session that changed nothing
	 * else is written anyway.
	 */
	static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private static final ThreadLocal<QuietSession> saved = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> store;

	@SuppressWarnings("unchecked")
	QuietSessionRepository(FindByIndexNameSessionRepository<? extends Session> store) {
		this.store = (FindByIndexNameSessionRepository<Session>) store;
	}

	@Override
	public QuietSession createSession() {
		return new QuietSession(this.store.createSession(), true);
	}

	@Override
	public void save(QuietSession session) {
		if (session.changed()) {
			this.store.save(session.stored);
			session.saved();
		}
		saved.set(session);
	}

	@Override
	public QuietSession findById(String id) {
		QuietSession justSaved = saved.get();
		if (justSaved != null && justSaved.getId().equals(id)) {
			return justSaved;
		}
		Session stored = SessionTransactions.read(() -> this.store.findById(id));
		return (stored != null) ? new QuietSession(stored, false) : null;
	}

	@Override
	public void deleteById(String id) {
		QuietSession justSaved = saved.get();
		if (justSaved != null && justSaved.getId().equals(id)) {
			saved.remove();
		}
		this.store.deleteById(id);
	}

	@Override
	public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, QuietSession> sessions = new LinkedHashMap<>();
		this.store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new QuietSession(session, false)));
		return sessions;
	}

	/**
	 * Forgets the session this thread saved last: called when its request ends.
	 */
	static void forgetSaved() {
		saved.remove();
	}

	/**
	 * A stored session that knows whether anything but its last access time changed.
	 */
	static final class QuietSession implements Session {

		private final Session stored;

		private boolean changed;

		private Instant savedAccessTime;

		QuietSession(Session stored, boolean isNew) {
			this.stored = stored;
			this.changed = isNew;
			this.savedAccessTime = stored.getLastAccessedTime();
		}

		boolean changed() {
			return this.changed || Duration.between(this.savedAccessTime, this.stored.getLastAccessedTime())
				.compareTo(TOUCH_INTERVAL) > 0;
		}

		void saved() {
			this.changed = false;
			this.savedAccessTime = this.stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			if (this.stored.getAttribute(attributeName) != null) {
				this.changed = true;
			}
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.stored.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			if (!interval.equals(this.stored.getMaxInactiveInterval())) {
				this.changed = true;
			}
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
