package dev.roadmap.roadmap.internal;

import java.util.List;

/**
 * Thrown when the roadmap content file cannot be loaded; the message lists every problem
 * found, so that one edit can fix them all.
 */
public class InvalidRoadmapContentException extends RuntimeException {

	private final List<String> problems;

	InvalidRoadmapContentException(String source, List<String> problems) {
		super("The roadmap content file " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
