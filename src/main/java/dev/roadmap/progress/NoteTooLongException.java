package dev.roadmap.progress;

import dev.roadmap.shared.RefusedInputException;

/**
 * A note longer than {@link NoteService#MAX_LENGTH} characters; nothing was saved. The
 * field {@code note}, {@code note.tooLong}.
 */
public class NoteTooLongException extends RefusedInputException {

	NoteTooLongException() {
		super("note", "note.tooLong");
	}

}
