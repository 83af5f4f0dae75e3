package dev.roadmap.shared;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.roadmap.progress.review.ReviewException;
import dev.roadmap.roadmap.internal.InvalidRoadmapContentException;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.AuthenticationException;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Refused input is one exception, answered by one advice rather than caught in
 * controllers.
 */
class OneWayToRefuseInputTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.roadmap");

	private static final ArchRule CONTROLLERS_DO_NOT_CATCH_REFUSED_INPUT = classes().that()
		.resideInAPackage("..web..")
		.or()
		.haveSimpleNameEndingWith("Controller")
		.should(notCatchRefusedInput())
		.because("the refused-input advice answers it: an action names its page with OnRefusal");

	@Test
	void noControllerCatchesRefusedInput() {
		CONTROLLERS_DO_NOT_CATCH_REFUSED_INPUT.check(CLASSES);
	}

	@Test
	void theRuleAgainstCatchingSeesACatch() {
		JavaClasses catching = new ClassFileImporter().importClasses(CatchingController.class, ReviewException.class,
				RefusedInputException.class);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CONTROLLERS_DO_NOT_CATCH_REFUSED_INPUT.check(catching));
	}

	@Test
	void everyExceptionForRefusedInputExtendsTheOneBase() {
		classes().that()
			.areAssignableTo(RuntimeException.class)
			.and()
			.areNotAssignableTo(AuthenticationException.class)
			.and()
			.areNotAssignableTo(InvalidRoadmapContentException.class)
			.should()
			.beAssignableTo(RefusedInputException.class)
			.because("a service refuses input one way, which one advice answers for every page; the only "
					+ "others are Spring Security's (a login refused) and a broken roadmap file at start-up")
			.check(CLASSES);
	}

	private static ArchCondition<JavaClass> notCatchRefusedInput() {
		return new ArchCondition<>("not catch a RefusedInputException") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				for (JavaCodeUnit unit : type.getCodeUnits()) {
					for (TryCatchBlock block : unit.getTryCatchBlocks()) {
						block.getCaughtThrowables()
							.stream()
							.filter((caught) -> caught.isAssignableTo(RefusedInputException.class))
							.forEach((caught) -> events.add(SimpleConditionEvent.violated(type, unit.getFullName()
									+ " catches " + caught.getName() + " in " + block.getSourceCodeLocation())));
					}
				}
			}

		};
	}

	/**
	 * What the rule is there to find.
	 */
	static class CatchingController {

		String save(Runnable service) {
			try {
				service.run();
				return "redirect:/";
			}
			catch (ReviewException ex) {
				return "form";
			}
		}

	}

}
