package dev.roadmap.shared;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small things written once in this package (and the templates' fragments) stay
 * written once: no other class makes its own digest, reads a URI's scheme to decide
 * whether a link is safe, counts pages or says how long ago, and no other template draws
 * its own pager or form field.
 */
class OneWayPerThingTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.roadmap");

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	private static final Pattern AGO = Pattern.compile("\\bago\\b", Pattern.CASE_INSENSITIVE);

	@Test
	void onlySha256MakesADigest() {
		noClasses().that()
			.resideOutsideOfPackage("dev.roadmap.shared")
			.should()
			.callMethod(MessageDigest.class, "getInstance", String.class)
			.because("secrets are hashed one way, by Sha256")
			.check(CLASSES);
	}

	@Test
	void onlyWebAddressesJudgesALinksScheme() {
		noClasses().that()
			.resideOutsideOfPackage("dev.roadmap.shared")
			.should()
			.callMethod(URI.class, "getScheme")
			.because("what counts as a safe link is decided in one place, WebAddresses")
			.check(CLASSES);
	}

	@Test
	void onlyPageOfIsAPageOfAList() {
		classes().that()
			.resideOutsideOfPackage("dev.roadmap.shared")
			.should(notNumberPages())
			.because("a page of a list is a PageOf, numbered from 1")
			.check(CLASSES);
	}

	@Test
	void onlyThePagerFragmentDrawsAPager() throws IOException {
		Set<String> pagers = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(TEMPLATES)) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html"))
				.filter((path) -> !path.equals(TEMPLATES.resolve("fragments/pager.html")))
				.toList()) {
				// A pager by its look, or by its links to other pages of the same list.
				for (Element pager : Jsoup.parse(Files.readString(template))
					.select("nav.pager, nav.pagination, a[th:href~=[(,]page=]")) {
					pagers.add(TEMPLATES.relativize(template) + ": " + pager.attributes());
				}
			}
		}
		assertThat(pagers).as("pagers drawn outside fragments/pager.html").isEmpty();
	}

	@Test
	void onlyTheFieldFragmentTiesAFieldToItsError() throws IOException {
		Set<String> fields = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(TEMPLATES)) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html"))
				.filter((path) -> !path.equals(TEMPLATES.resolve("fragments/forms.html")))
				.toList()) {
				for (Element element : Jsoup.parse(Files.readString(template)).getAllElements()) {
					if (element.attributes()
						.asList()
						.stream()
						.anyMatch((attribute) -> attribute.getKey().contains("aria-invalid")
								|| attribute.getValue().contains("aria-invalid"))) {
						fields.add(TEMPLATES.relativize(template) + ": " + element.attributes());
					}
				}
			}
		}
		assertThat(fields).as("fields drawn outside fragments/forms.html").isEmpty();
	}

	@Test
	void onlyTimeFormatSaysHowLongAgo() throws IOException {
		noClasses().that()
			.doNotHaveFullyQualifiedName("dev.roadmap.system.TimeFormat")
			.should()
			.callMethod(Duration.class, "toHours")
			.because("how long ago is said one way, by TimeFormat (@time in templates)")
			.check(CLASSES);
		Set<String> agos = new TreeSet<>();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().matches("messages.*\\.properties"))
				.toList()) {
				Properties messages = new Properties();
				try (Reader reader = Files.newBufferedReader(file)) {
					messages.load(reader);
				}
				messages.forEach((key, text) -> {
					if (!key.toString().startsWith("time.") && AGO.matcher(text.toString()).find()) {
						agos.add(file.getFileName() + ": " + key);
					}
				});
			}
		}
		assertThat(agos).as("messages saying \"ago\" besides TimeFormat's time.*").isEmpty();
	}

	private static ArchCondition<JavaClass> notNumberPages() {
		return new ArchCondition<>("not hold a page number (an int field named page)") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				type.getFields()
					.stream()
					.filter((field) -> field.getName().equals("page") && field.getRawType().isEquivalentTo(int.class))
					.forEach((field) -> events.add(SimpleConditionEvent.violated(type,
							field.getFullName() + " counts pages of its own: use PageOf")));
			}

		};
	}

}
