package dev.roadmap.mentoring.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.roadmap.account.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mentoring module's part of a user's personal data: the cohorts they learn or mentor
 * in. Erasing takes them out of every cohort and drops the reviews they had claimed.
 */
@Component
@Order(20)
class MentoringPersonalData implements PersonalData {

	private final CohortLearners learners;

	private final CohortMentors mentors;

	MentoringPersonalData(CohortLearners learners, CohortMentors mentors) {
		this.learners = learners;
		this.mentors = mentors;
	}

	@Override
	public String name() {
		return "cohorts";
	}

	/**
	 * The cohorts the user learns or mentors in, by when they joined.
	 */
	@Override
	public List<ExportedMembership> export(long userId) {
		List<ExportedMembership> memberships = new ArrayList<>(this.learners.findMembershipsOf(userId));
		memberships.addAll(this.mentors.findMembershipsOf(userId));
		memberships.sort(Comparator.comparing(ExportedMembership::since).thenComparing(ExportedMembership::cohort));
		return memberships;
	}

	@Override
	public void erase(long userId) {
		this.learners.deleteAllOf(userId);
		this.mentors.deleteAllOf(userId);
	}

}
