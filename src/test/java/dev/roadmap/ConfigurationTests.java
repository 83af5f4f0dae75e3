package dev.roadmap;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's own settings are typed records, one per module, and every one of them is in
 * the README's configuration table, under the environment variable that sets it.
 */
class ConfigurationTests {

	@Test
	void everySettingIsInTheReadme() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		List<String> settings = settings();

		assertThat(settings).contains("roadmap.login.max-failures", "roadmap.mail.outbox-poll-interval",
				"roadmap.mentor.stuck-after", "roadmap.base-url", "roadmap.content");
		assertThat(settings).allSatisfy((setting) -> assertThat(readme).as("README's configuration table")
			.contains("`" + environmentVariable(setting) + "`"));
	}

	@Test
	void noSettingIsReadOutsideTheRecords() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.roadmap");
		noFields().should().beAnnotatedWith(Value.class).check(classes);
		noCodeUnits().should().beAnnotatedWith(Value.class).check(classes);
		assertThat(classes.stream()
			.flatMap((javaClass) -> javaClass.getCodeUnits().stream())
			.flatMap((method) -> method.getParameters().stream())
			.filter((parameter) -> parameter.isAnnotatedWith(Value.class))
			.map(Object::toString)).as("@Value parameters").isEmpty();
	}

	/**
	 * Every property of every {@code @ConfigurationProperties} record in the app, by its
	 * full name: {@code roadmap.login.remember-me.validity}.
	 */
	static List<String> settings() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		List<String> names = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.roadmap")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			assertThat(type.isRecord()).as(type + " is a record").isTrue();
			collect(type.getAnnotation(ConfigurationProperties.class).value(), type, names);
		}
		return names;
	}

	private static void collect(String prefix, Class<?> type, List<String> names) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			if (component.getType().isRecord() && component.getType().getPackageName().startsWith("dev.roadmap")) {
				collect(name, component.getType(), names);
			}
			else {
				names.add(name);
			}
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String environmentVariable(String setting) {
		return setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
