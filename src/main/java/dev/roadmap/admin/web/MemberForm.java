package dev.roadmap.admin.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The e-mail address of a learner to enrol in a cohort, or of a mentor to assign to it.
 */
record MemberForm(@NotBlank @Email @Size(max = 254) String email) {

	MemberForm {
		// A pasted address often carries spaces around it; they are never part of it.
		email = (email != null) ? email.strip() : null;
	}

	static MemberForm empty() {
		return new MemberForm("");
	}

}
