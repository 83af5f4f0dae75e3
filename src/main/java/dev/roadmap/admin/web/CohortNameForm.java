package dev.roadmap.admin.web;

import dev.roadmap.mentoring.CohortService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The name of a new cohort, or a cohort's new name.
 */
record CohortNameForm(@NotBlank @Size(max = CohortService.MAX_NAME_LENGTH) String name) {

	static CohortNameForm empty() {
		return new CohortNameForm("");
	}

}
