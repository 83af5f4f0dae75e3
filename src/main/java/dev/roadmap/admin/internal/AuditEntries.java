package dev.roadmap.admin.internal;

import java.time.OffsetDateTime;
import java.util.List;

import dev.roadmap.admin.Actor;
import dev.roadmap.admin.AuditAction;
import dev.roadmap.admin.AuditEntry;
import dev.roadmap.admin.AuditTarget;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored audit log, table {@code audit_log}. Entries are only ever added.
 */
@Repository
public class AuditEntries {

	// Each column named: query(Class) looks a field such as displayName up by that name
	// first, and every miss throws an SQLException, row after row.
	private static final RowMapper<AuditEntry> ENTRIES = (rs, row) -> new AuditEntry(rs.getLong("id"),
			rs.getObject("occurred_at", OffsetDateTime.class), rs.getObject("actor_id", Long.class),
			rs.getString("actor_name"), rs.getString("actor_email"), AuditAction.valueOf(rs.getString("action")),
			rs.getObject("target_user_id", Long.class), rs.getString("target_user_label"),
			rs.getObject("target_cohort_id", Long.class), rs.getString("target_cohort_label"),
			rs.getString("before_value"), rs.getString("after_value"));

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Actor actor, AuditAction action, AuditTarget target, String before, String after) {
		this.jdbc.sql("""
				insert into audit_log (actor_id, actor_name, actor_email, action, target_user_id, target_user_label,
					target_cohort_id, target_cohort_label, before_value, after_value)
				values (:actorId, :actorName, :actorEmail, :action, :userId, :userLabel, :cohortId, :cohortLabel,
					:before, :after)""")
			.param("actorId", actor.id())
			.param("actorName", actor.displayName())
			.param("actorEmail", actor.email())
			.param("action", action.name())
			.param("userId", target.userId())
			.param("userLabel", target.userLabel())
			.param("cohortId", target.cohortId())
			.param("cohortLabel", target.cohortLabel())
			.param("before", before)
			.param("after", after)
			.update();
	}

	public long count() {
		return this.jdbc.sql("select count(*) from audit_log").query(Long.class).single();
	}

	public List<AuditEntry> newestFirst(long offset, int limit) {
		return this.jdbc.sql("""
				select id, occurred_at, actor_id, actor_name, actor_email, action, target_user_id, target_user_label,
					target_cohort_id, target_cohort_label, before_value, after_value
				from audit_log
				order by occurred_at desc, id desc
				limit :limit offset :offset""").param("limit", limit).param("offset", offset).query(ENTRIES).list();
	}

}
