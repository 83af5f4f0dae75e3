package dev.roadmap.progress.internal;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The learners' notes. Deletes are single statements, not Spring Data's read-then-remove.
 */
public interface SkillNotes extends Repository<SkillNote, SkillNote.Key> {

	/**
	 * Stores the note at once, replacing the learner's note on the skill if there is one:
	 * written where it is called, as a caller's transaction expects, not at its end.
	 */
	SkillNote saveAndFlush(SkillNote note);

	List<SkillNote> findByUserId(long userId);

	@Modifying
	@Query("delete from SkillNote n where n.userId = :userId and n.skillId = :skillId")
	void delete(long userId, long skillId);

	@Modifying
	@Query("delete from SkillNote n where n.userId = :userId")
	void deleteAllOf(long userId);

}
