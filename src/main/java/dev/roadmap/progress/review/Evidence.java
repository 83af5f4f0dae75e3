package dev.roadmap.progress.review;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.roadmap.shared.UserText;
import dev.roadmap.shared.WebAddresses;

/**
 * What a learner shows for a skill: a link and a note, or for a project, the repository,
 * where it runs (optional) and what it shows.
 *
 * @param url the link, or the project's repository
 * @param liveUrl where a project runs, if anywhere
 * @param note what the link shows
 */
public record Evidence(String url, String liveUrl, String note) {

	public static final int MAX_NOTE_LENGTH = 2000;

	public static final int MAX_URL_LENGTH = 2000;

	public static final Evidence NONE = new Evidence(null, null, null);

	public Evidence {
		url = blankToNull(url);
		liveUrl = blankToNull(liveUrl);
		note = blankToNull(UserText.normalize(note));
	}

	/**
	 * What is wrong with this evidence, as message keys by field; empty when it is fine.
	 * Links must be http or https, so nothing else can ever be rendered as a link.
	 * @param project whether the skill takes a project submission
	 */
	public Map<String, String> problems(boolean project) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (this.url == null) {
			problems.put("url", project ? "evidence.repositoryRequired" : "evidence.urlRequired");
		}
		else if (!isWebAddress(this.url)) {
			problems.put("url", "evidence.urlInvalid");
		}
		if (this.liveUrl != null && !project) {
			problems.put("liveUrl", "evidence.liveUrlOnlyForProjects");
		}
		else if (this.liveUrl != null && !isWebAddress(this.liveUrl)) {
			problems.put("liveUrl", "evidence.urlInvalid");
		}
		if (this.note != null && this.note.length() > MAX_NOTE_LENGTH) {
			problems.put("note", "evidence.noteTooLong");
		}
		return problems;
	}

	/**
	 * The value of one part by its form field's name: {@code url}, {@code liveUrl} or
	 * {@code note}.
	 */
	public String field(String name) {
		return switch (name) {
			case "url" -> this.url;
			case "liveUrl" -> this.liveUrl;
			case "note" -> this.note;
			default -> throw new IllegalArgumentException("No evidence field " + name);
		};
	}

	public boolean isEmpty() {
		return this.url == null && this.liveUrl == null && this.note == null;
	}

	/**
	 * Whether the text is an absolute http(s) address with a host.
	 */
	public static boolean isWebAddress(String text) {
		if (text == null || text.length() > MAX_URL_LENGTH || text.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		try {
			return WebAddresses.isWebAddress(new URI(text));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
