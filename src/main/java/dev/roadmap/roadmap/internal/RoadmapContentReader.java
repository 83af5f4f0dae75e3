package dev.roadmap.roadmap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.roadmap.shared.WebAddresses;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;

/**
 * Reads and validates the roadmap content file. Refuses, with every problem named,
 * unknown fields, duplicate or malformed slugs, empty texts and links that are not
 * http(s).
 */
class RoadmapContentReader {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final int MAX_SLUG_LENGTH = 60;

	private static final int MAX_TITLE_LENGTH = 200;

	private final YAMLMapper mapper = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	RoadmapContent read(Resource resource) {
		String source = resource.getDescription();
		RoadmapContent content;
		try (InputStream in = resource.getInputStream()) {
			content = this.mapper.readValue(in, RoadmapContent.class);
		}
		catch (JacksonException ex) {
			throw new InvalidRoadmapContentException(source, List.of(ex.getOriginalMessage() + locationOf(ex)));
		}
		catch (IOException ex) {
			throw new InvalidRoadmapContentException(source, List.of("it cannot be read: " + ex.getMessage()));
		}
		List<String> problems = problemsOf(content);
		if (!problems.isEmpty()) {
			throw new InvalidRoadmapContentException(source, problems);
		}
		return content;
	}

	private static String locationOf(JacksonException ex) {
		return (ex.getLocation() != null)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	private List<String> problemsOf(RoadmapContent content) {
		List<String> problems = new ArrayList<>();
		if (content == null || content.stages() == null || content.stages().isEmpty()) {
			problems.add("it has no stages");
			return problems;
		}
		Set<String> stageSlugs = new HashSet<>();
		int number = 0;
		for (RoadmapContent.StageEntry stage : content.stages()) {
			number++;
			String where = "stage " + number + ((stage.slug() != null) ? " '" + stage.slug() + "'" : "");
			checkSlug(stage.slug(), where, stageSlugs, problems);
			checkText(stage.title(), where, "title", MAX_TITLE_LENGTH, problems);
			checkText(stage.summary(), where, "summary", Integer.MAX_VALUE, problems);
			checkText(stage.explanation(), where, "explanation", Integer.MAX_VALUE, problems);
			if (stage.skills() == null || stage.skills().isEmpty()) {
				problems.add(where + ": has no skills");
				continue;
			}
			Set<String> skillSlugs = new HashSet<>();
			for (RoadmapContent.SkillEntry skill : stage.skills()) {
				String skillWhere = where + ", skill" + ((skill.slug() != null) ? " '" + skill.slug() + "'" : "");
				checkSlug(skill.slug(), skillWhere, skillSlugs, problems);
				checkText(skill.title(), skillWhere, "title", MAX_TITLE_LENGTH, problems);
				checkText(skill.description(), skillWhere, "description", Integer.MAX_VALUE, problems);
				for (RoadmapContent.ResourceEntry link : skill.resourcesOrEmpty()) {
					checkText(link.title(), skillWhere + ", resource", "title", MAX_TITLE_LENGTH, problems);
					checkUrl(link.url(), skillWhere, problems);
				}
			}
		}
		return problems;
	}

	private static void checkSlug(String slug, String where, Set<String> seen, List<String> problems) {
		if (slug == null || slug.isBlank()) {
			problems.add(where + ": slug is missing");
		}
		else if (slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches()) {
			problems.add(where + ": slug must be lower-case words joined by hyphens, at most " + MAX_SLUG_LENGTH
					+ " characters");
		}
		else if (!seen.add(slug)) {
			problems.add(where + ": slug is used twice");
		}
	}

	private static void checkText(String text, String where, String field, int maxLength, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add(where + ": " + field + " is empty");
		}
		else if (text.length() > maxLength) {
			problems.add(where + ": " + field + " is longer than " + maxLength + " characters");
		}
	}

	private static void checkUrl(String url, String where, List<String> problems) {
		if (url == null || url.isBlank()) {
			problems.add(where + ": a resource has no url");
			return;
		}
		try {
			if (!WebAddresses.isWebAddress(new URI(url))) {
				problems.add(where + ": resource url '" + url + "' must be an http or https address");
			}
		}
		catch (URISyntaxException ex) {
			problems.add(where + ": resource url '" + url + "' is not a valid address");
		}
	}

}
