package dev.roadmap.shared;

import java.net.URI;
import java.security.MessageDigest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The small things written once in this package stay written once: no other class makes
 * its own digest or reads a URI's scheme to decide whether a link is safe.
 */
class OneWayPerThingTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.roadmap");

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

}
