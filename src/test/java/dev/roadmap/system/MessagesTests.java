package dev.roadmap.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the user-facing texts in the message bundles consistent with the templates.
 */
class MessagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

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
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
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

	private static Properties messages() throws IOException {
		Properties messages = new Properties();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().matches("messages.*\\.properties"))
				.toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					Properties bundle = new Properties();
					bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
					messages.putAll(bundle);
				}
			}
		}
		return messages;
	}

}
