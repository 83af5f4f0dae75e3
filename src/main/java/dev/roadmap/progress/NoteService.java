package dev.roadmap.progress;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.roadmap.progress.internal.SkillNote;
import dev.roadmap.progress.internal.SkillNotes;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.UserText;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

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

	private final SkillNotes notes;

	NoteService(SkillNotes notes) {
		this.notes = notes;
	}

	/**
	 * Saves the learner's note, or deletes it when blank.
	 * @throws NoteTooLongException when the note is too long
	 */
	@Transactional
	public Optional<Note> save(long learnerId, Skill skill, String markdown) {
		String text = UserText.normalize(markdown);
		if (text.length() > MAX_LENGTH) {
			throw new NoteTooLongException();
		}
		if (text.isEmpty()) {
			this.notes.delete(learnerId, skill.id());
			return Optional.empty();
		}
		// PostgreSQL keeps microseconds: the note returned is the note stored.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return Optional.of(toNote(this.notes.saveAndFlush(new SkillNote(learnerId, skill.id(), text, now))));
	}

	/**
	 * The learner's notes by skill id, read in one statement.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Note> notesOf(long learnerId) {
		Map<Long, Note> notes = new HashMap<>();
		for (SkillNote note : this.notes.findByUserId(learnerId)) {
			notes.put(note.skillId(), toNote(note));
		}
		return notes;
	}

	private Note toNote(SkillNote note) {
		return new Note(note.skillId(), note.body(), render(note.body()), note.updatedAt());
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
