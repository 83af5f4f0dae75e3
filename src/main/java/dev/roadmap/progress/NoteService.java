package dev.roadmap.progress;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.roadmap.Skill;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners' private notes per skill, written in Markdown. Rendering escapes any HTML the
 * learner typed and drops unsafe link targets ({@code javascript:} and the like), so a
 * note can never run script in the page. Saving an empty note deletes it.
 */
@Service
public class NoteService {

	public static final int MAX_LENGTH = 10_000;

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private final JdbcClient jdbc;

	NoteService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Saves the learner's note, or deletes it when blank.
	 * @throws NoteTooLongException when the note is too long
	 */
	@Transactional
	public Optional<Note> save(long learnerId, Skill skill, String markdown) {
		String text = (markdown != null) ? markdown.strip() : "";
		if (text.length() > MAX_LENGTH) {
			throw new NoteTooLongException();
		}
		if (text.isEmpty()) {
			this.jdbc.sql("delete from skill_note where user_id = :learner and skill_id = :skill")
				.param("learner", learnerId)
				.param("skill", skill.id())
				.update();
			return Optional.empty();
		}
		this.jdbc.sql("""
				insert into skill_note (user_id, skill_id, body, updated_at) values (:learner, :skill, :body, now())
				on conflict (user_id, skill_id) do update set body = excluded.body, updated_at = now()""")
			.param("learner", learnerId)
			.param("skill", skill.id())
			.param("body", text)
			.update();
		return notesOf(learnerId).values().stream().filter((note) -> note.skillId() == skill.id()).findFirst();
	}

	/**
	 * The learner's notes by skill id, read in one statement.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Note> notesOf(long learnerId) {
		Map<Long, Note> notes = new HashMap<>();
		this.jdbc.sql("select skill_id, body, updated_at from skill_note where user_id = :learner")
			.param("learner", learnerId)
			.query((rs) -> {
				String body = rs.getString("body");
				notes.put(rs.getLong("skill_id"), new Note(rs.getLong("skill_id"), body, render(body),
						rs.getTimestamp("updated_at").toInstant()));
			});
		return notes;
	}

	/**
	 * Markdown to safe HTML.
	 */
	public String render(String markdown) {
		Node document = this.parser.parse(markdown);
		// A note sits under its skill's h3: its own headings start at h4, so the page's
		// outline stays whole for screen readers.
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				heading.setLevel(Math.min(6, heading.getLevel() + 3));
				visitChildren(heading);
			}
		});
		return this.renderer.render(document);
	}

}
