package dev.roadmap.progress.internal;

import java.io.Serializable;
import java.time.Instant;

import dev.roadmap.shared.AlwaysInserted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLInsert;

/**
 * A learner's private note on a skill, in Markdown: one row per learner and skill.
 * <p>
 * A note is always saved as a new entity, never read first, and its insert is an upsert:
 * saving replaces the stored note, in one statement, and two tabs saving the same new
 * note at once both succeed (the second waits for the first and wins) instead of the
 * second failing on the primary key. Hibernate binds the parameters in its own column
 * order: the other attributes by name, then the id's fields as declared (a wrong order
 * fails every test that saves a note).
 */
@Entity
@Table(name = "skill_note")
@IdClass(SkillNote.Key.class)
@SQLInsert(sql = """
		insert into skill_note (body, updated_at, user_id, skill_id) values (?, ?, ?, ?)
		on conflict (user_id, skill_id) do update set body = excluded.body, updated_at = excluded.updated_at""")
public class SkillNote extends AlwaysInserted<SkillNote.Key> {

	@Id
	private long userId;

	@Id
	private long skillId;

	private String body;

	private Instant updatedAt;

	protected SkillNote() {
	}

	public SkillNote(long userId, long skillId, String body, Instant updatedAt) {
		this.userId = userId;
		this.skillId = skillId;
		this.body = body;
		this.updatedAt = updatedAt;
	}

	public long skillId() {
		return this.skillId;
	}

	public String body() {
		return this.body;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	@Override
	public Key getId() {
		return new Key(this.userId, this.skillId);
	}

	/**
	 * A note's id: the learner and the skill.
	 */
	public record Key(long userId, long skillId) implements Serializable {
	}

}
