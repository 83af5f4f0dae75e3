package dev.roadmap.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.roadmap.progress.internal.SkillProgress;
import dev.roadmap.progress.internal.SkillStatuses;
import dev.roadmap.progress.internal.StatusEvent;
import dev.roadmap.progress.internal.StatusEvents;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.shared.PageOf;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learners' statuses per skill. One row per learner and skill ({@link SkillProgress}),
 * changed under a row lock, so two tabs ticking the same skill at once never lose or
 * duplicate a status; every real change also appends an event, from which history and
 * streaks are drawn, and publishes {@link SkillStatusChanged} in its transaction.
 */
@Service
public class ProgressService {

	private final JdbcClient jdbc;

	private final SkillStatuses statuses;

	private final StatusEvents statusEvents;

	private final LearnerSkillsQuery skills;

	private final ApplicationEventPublisher events;

	private final Counter statusChanges;

	private final TransactionTemplate transactions;

	ProgressService(JdbcClient jdbc, SkillStatuses statuses, StatusEvents statusEvents, NoteService notes,
			ApplicationEventPublisher events, MeterRegistry meters, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.statusEvents = statusEvents;
		this.skills = new LearnerSkillsQuery(jdbc, notes);
		this.events = events;
		this.statusChanges = Counter.builder("roadmap.status.changes")
			.description("Skill statuses changed by learners")
			.register(meters);
		this.transactions = transactions;
	}

	/**
	 * Everything the learner has on their skills: statuses, reviews with their
	 * conversations, and notes, in one statement.
	 */
	@Transactional(readOnly = true)
	public LearnerSkills skillsOf(long userId) {
		return this.skills.read(userId, true, true);
	}

	/**
	 * The learner's statuses and review states (with evidence, without conversations or
	 * notes), in one statement.
	 */
	@Transactional(readOnly = true)
	public LearnerSkills statusesAndReviewsOf(long userId) {
		return this.skills.read(userId, false, false);
	}

	/**
	 * The learner's statuses and reviews with their iterations and conversations, but not
	 * their notes, which are theirs alone: what a mentor sees, in one statement.
	 */
	@Transactional(readOnly = true)
	public LearnerSkills reviewsOf(long userId) {
		return this.skills.read(userId, true, false);
	}

	@Transactional
	public StatusChange setStatus(long userId, Skill skill, SkillStatus status) {
		// Concurrent changes queue up on the row's lock, and each one sees the status the
		// previous one left.
		SkillProgress row = this.statuses.lockInsertingIfMissing(userId, skill.id());
		SkillStatus from = row.status();
		if (from != status) {
			// Stamped now, under the row's lock, not at the transaction's start: a change
			// that began earlier but waited for the lock happened later, and the history
			// lists changes by these times.
			Instant now = Instant.now();
			row.changeStatus(status, now);
			this.statusEvents.save(new StatusEvent(userId, skill.id(), from, status, now));
			// Listeners read the new status with SQL of their own (the summary).
			this.statuses.flush();
			this.events.publishEvent(new SkillStatusChanged(userId, skill.id(), from, status));
			this.statusChanges.increment();
		}
		return new StatusChange(from, status);
	}

	/**
	 * Sets the status as {@link #setStatus} does, then reads everything the learner has
	 * on their skills as {@link #skillsOf} does: what a page shows right after the
	 * change. The read comes after the change's commit, one statement outside a
	 * transaction (a statement is one snapshot), so the row's lock is held for the change
	 * alone: changes of one skill that queue on it (two tabs, a double-click) wait one
	 * write each, not a write and a read of all the learner's skills.
	 */
	public StatusChange.Shown setStatusAndRead(long userId, Skill skill, SkillStatus status) {
		StatusChange change = this.transactions.execute((transaction) -> setStatus(userId, skill, status));
		return new StatusChange.Shown(change, this.skills.read(userId, true, true));
	}

	/**
	 * The learner's status for every skill they have touched, by skill id; skills missing
	 * from the map are not started.
	 */
	@Transactional(readOnly = true)
	public Map<Long, SkillStatus> statusesOf(long userId) {
		return statusesAndReviewsOf(userId).statuses();
	}

	/**
	 * The learner's history, status changes and review actions together, newest first:
	 * one statement, which also counts the entries (a second one only for a page past the
	 * end).
	 * @param page the page number, from 1 (a lower one reads as 1)
	 */
	@Transactional(readOnly = true)
	public PageOf<HistoryEntry> historyOf(long userId, int page, int size) {
		int number = Math.max(1, page);
		long[] total = { 0 };
		List<HistoryEntry> entries = this.jdbc.sql("""
				select at, kind, skill_id, from_status, to_status, actor_name,
					(select count(*) from status_event where user_id = :user)
						+ (select count(*) from review_event where user_id = :user) as total
				from (
					select occurred_at as at, 'STATUS' as kind, skill_id, from_status, to_status,
						null as actor_name, id from status_event where user_id = :user
					union all
					select r.occurred_at, r.action, r.skill_id, null, null, u.display_name, r.id
					from review_event r left join user_directory u on u.user_id = r.actor_id where r.user_id = :user
				) history order by at desc, id desc limit :size offset :offset""")
			.param("user", userId)
			.param("size", size)
			.param("offset", PageOf.offsetOf(number, size))
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getLong("skill_id"),
						statusOrNull(rs.getString("from_status")), statusOrNull(rs.getString("to_status")),
						rs.getString("actor_name"));
			})
			.list();
		if (entries.isEmpty() && number > 1) {
			total[0] = this.jdbc.sql("""
					select (select count(*) from status_event where user_id = :user)
						+ (select count(*) from review_event where user_id = :user)""")
				.param("user", userId)
				.query(Long.class)
				.single();
		}
		return new PageOf<>(entries, number, size, total[0]);
	}

	/**
	 * A slice of the learner's history, newest first, after the cursor (from the newest
	 * without one): keyset-paged, so every slice costs the same however deep, and an
	 * entry added meanwhile neither repeats nor skips one. One statement.
	 * @param limit how many entries, at most
	 * @return the entries and, if there are more, the cursor of the next slice
	 */
	@Transactional(readOnly = true)
	public HistorySlice historyAfter(long userId, HistoryCursor after, int limit) {
		List<HistoryCursor> cursors = new ArrayList<>();
		List<HistoryEntry> entries = this.jdbc.sql("""
				select at, kind, skill_id, from_status, to_status, actor_name, source, id from (
					select occurred_at as at, 'STATUS' as kind, skill_id, from_status, to_status,
						null as actor_name, 'S' as source, id from status_event where user_id = :user
					union all
					select r.occurred_at, r.action, r.skill_id, null, null, u.display_name, 'R', r.id
					from review_event r left join user_directory u on u.user_id = r.actor_id where r.user_id = :user
				) history
				where :first or (at, source, id) < (:at, :source, :id)
				order by at desc, source desc, id desc limit :limit""")
			.param("user", userId)
			.param("first", after == null)
			.param("at", (after != null) ? after.at().atOffset(ZoneOffset.UTC) : OffsetDateTime.now(ZoneOffset.UTC))
			.param("source", (after != null) ? String.valueOf(after.source()) : "S")
			.param("id", (after != null) ? after.id() : 0L)
			.param("limit", limit + 1)
			.query((rs, row) -> {
				Instant at = rs.getTimestamp("at").toInstant();
				cursors.add(new HistoryCursor(at, rs.getString("source").charAt(0), rs.getLong("id")));
				return new HistoryEntry(at, rs.getString("kind"), rs.getLong("skill_id"),
						statusOrNull(rs.getString("from_status")), statusOrNull(rs.getString("to_status")),
						rs.getString("actor_name"));
			})
			.list();
		if (entries.size() <= limit) {
			return new HistorySlice(entries, null);
		}
		return new HistorySlice(entries.subList(0, limit), cursors.get(limit - 1));
	}

	private static SkillStatus statusOrNull(String status) {
		return (status != null) ? SkillStatus.valueOf(status) : null;
	}

	/**
	 * The learner's progress over the given stages, computed from one read of their
	 * statuses.
	 */
	@Transactional(readOnly = true)
	public RoadmapProgress progressOf(long userId, List<Stage> stages) {
		return progressOf(statusesOf(userId), stages);
	}

	public static RoadmapProgress progressOf(Map<Long, SkillStatus> statuses, List<Stage> stages) {
		Map<String, Progress> byStage = new HashMap<>();
		Progress overall = Progress.NONE;
		for (Stage stage : stages) {
			int done = 0;
			int skipped = 0;
			for (Skill skill : stage.skills()) {
				SkillStatus status = statuses.getOrDefault(skill.id(), SkillStatus.NOT_STARTED);
				done += (status == SkillStatus.DONE) ? 1 : 0;
				skipped += (status == SkillStatus.SKIPPED) ? 1 : 0;
			}
			Progress progress = new Progress(done, skipped, stage.skills().size());
			byStage.put(stage.slug(), progress);
			overall = overall.plus(progress);
		}
		return new RoadmapProgress(overall, byStage);
	}

}
