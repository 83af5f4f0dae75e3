package dev.roadmap.progress.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The learners' rows per skill, written under a row lock: a writer locks the row,
 * inserting it first if it is missing, so concurrent changes of one skill queue up and
 * each sees what the previous one left.
 */
public interface SkillStatuses extends Repository<SkillProgress, SkillProgress.Key> {

	/**
	 * Inserts a not-started row unless there is one: what {@link #lock} then finds.
	 */
	@Modifying
	@Query(value = """
			insert into skill_status (user_id, skill_id, status, updated_at)
			values (:userId, :skillId, 'NOT_STARTED', now())
			on conflict (user_id, skill_id) do nothing""", nativeQuery = true)
	void insertIfMissing(long userId, long skillId);

	/**
	 * The row, locked until the transaction ends; empty if the skill was never touched.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from SkillProgress s where s.id = :id")
	Optional<SkillProgress> lock(SkillProgress.Key id);

	/**
	 * The row, locked until the transaction ends, inserted first (not started) if the
	 * skill was never touched: the insert is tried only when the lock finds nothing, so a
	 * change to a skill the learner has touched before costs one statement here, not two.
	 */
	default SkillProgress lockInsertingIfMissing(long userId, long skillId) {
		SkillProgress.Key key = new SkillProgress.Key(userId, skillId);
		return lock(key).orElseGet(() -> {
			insertIfMissing(userId, skillId);
			return lock(key).orElseThrow();
		});
	}

	/**
	 * The row as the transaction already holds it: a status change's listeners read the
	 * row it locked from the persistence context, with no statement of their own.
	 */
	Optional<SkillProgress> findById(SkillProgress.Key id);

	/**
	 * Writes the pending changes now, before SQL outside JPA (the learner's summary)
	 * reads them in the same transaction.
	 */
	void flush();

}
