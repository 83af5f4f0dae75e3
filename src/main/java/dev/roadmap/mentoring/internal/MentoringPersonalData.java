package dev.roadmap.mentoring.internal;

import java.time.Instant;
import java.util.List;

import dev.roadmap.account.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mentoring module's part of a user's personal data: the cohorts they learn or mentor
 * in. Erasing takes them out of every cohort and drops the reviews they had claimed.
 */
@Component
@Order(20)
class MentoringPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	MentoringPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "cohorts";
	}

	@Override
	public List<Membership> export(long userId) {
		return this.jdbc.sql("""
				select c.name as cohort, 'LEARNER' as role, m.enrolled_at as since, c.archived
				from cohort_learner m join cohort c on c.id = m.cohort_id where m.user_id = :user
				union all
				select c.name, 'MENTOR', m.assigned_at, c.archived
				from cohort_mentor m join cohort c on c.id = m.cohort_id where m.user_id = :user
				order by since, cohort""").param("user", userId).query(Membership.class).list();
	}

	@Override
	public void erase(long userId) {
		this.jdbc.sql("delete from cohort_learner where user_id = :user").param("user", userId).update();
		this.jdbc.sql("delete from cohort_mentor where user_id = :user").param("user", userId).update();
	}

	record Membership(String cohort, String role, Instant since, boolean archived) {
	}

}
