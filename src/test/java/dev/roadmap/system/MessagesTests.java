package dev.roadmap.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the user-facing texts in the message bundles consistent with the templates.
 */
class MessagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

	private static final List<String> USER_FACING_ATTRIBUTES = List.of("title", "placeholder", "aria-label", "alt");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");

	@Test
	void textsWithoutArgumentsUseSingleApostrophes() throws IOException {
		// Spring formats a message with MessageFormat only when it has arguments, so a
		// doubled apostrophe shows as two in a text without any.
		Properties messages = messages();
		Set<String> doubled = new TreeSet<>();
		messages.forEach((key, text) -> {
			if (!ARGUMENT.matcher(text.toString()).find() && text.toString().contains("''")) {
				doubled.add(key.toString());
			}
		});
		assertThat(doubled).isEmpty();
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties messages = messages();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates
				.filter((path) -> path.toString().endsWith(".html") || path.toString().endsWith(".txt"))
				.toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!messages.containsKey(matcher.group(1))) {
						missing.add(RESOURCES.relativize(template) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void noUserFacingTextIsWrittenIntoATemplate() throws IOException {
		// Text that Thymeleaf replaces (th:text, th:utext, th:replace, th:insert) is only
		// a
		// placeholder for designers; anything else would reach users untranslatable.
		Set<String> hardCoded = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Document document = Jsoup.parse(Files.readString(template));
				for (Element element : document.getAllElements()) {
					if (replaced(element)) {
						continue;
					}
					element.textNodes()
						.stream()
						.map((text) -> text.text().strip())
						.filter(MessagesTests::hasWords)
						.forEach((text) -> hardCoded.add(RESOURCES.relativize(template) + ": " + text));
					for (String attribute : USER_FACING_ATTRIBUTES) {
						if (hasWords(element.attr(attribute)) && !element.attr(attribute).matches("https?://")) {
							hardCoded
								.add(RESOURCES.relativize(template) + ": " + attribute + "=" + element.attr(attribute));
						}
					}
				}
			}
		}
		assertThat(hardCoded).isEmpty();
	}

	private static boolean replaced(Element element) {
		for (Element at = element; at != null; at = at.parent()) {
			// A page's <html th:replace="~{layout :: page(...)}"> hands its own parts to
			// the
			// layout: what it holds is shown, not replaced.
			boolean layout = at.normalName().equals("html");
			if (at.hasAttr("th:text") || at.hasAttr("th:utext") || at.hasAttr("th:errors")
					|| (!layout && (at.hasAttr("th:replace") || at.hasAttr("th:insert")))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasWords(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static Properties messages() throws IOException {
		Properties messages = new Properties();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().matches("messages.*\\.properties"))
				.toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					Properties bundle = new Properties();
					bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
					messages.putAll(bundle);
				}
			}
		}
		return messages;
	}

}
