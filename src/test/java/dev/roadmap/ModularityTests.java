package dev.roadmap;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the modules of DESIGN.md §4 apart: each uses only the modules it names in its
 * package-info and only their public API (the module's root package).
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(RoadmapApplication.class);

	@Test
	void modulesUseOnlyEachOthersPublicApis() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
