package dev.roadmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module reads another module's tables: the SQL in a module's Java sources names only
 * its own tables, published read models (views, or tables the database keeps, that their
 * owner's migration documents) and the shared infrastructure tables. The module check
 * cannot see a dependency hidden in SQL; this scan can.
 */
class ModuleTablesTests {

	/** Each module's tables. */
	static final Map<String, Set<String>> OWNED = Map.of(
			// the content, written only by its loader at start-up
			"roadmap", Set.of("stage", "skill", "skill_resource"), "account",
			Set.of("app_user", "user_role", "password_reset_token", "remember_me_token", "login_attempt",
					"access_token"),
			// statuses and their events, notes, and (progress.review) reviews, their
			// iterations and claims
			"progress",
			Set.of("skill_status", "status_event", "skill_note", "learner_progress", "learner_progress_computed",
					"learner_progress_content", "review_comment", "review_iteration", "review_event", "review_claim"),
			"mentoring", Set.of("cohort", "cohort_learner", "cohort_mentor", "mentor_totals", "stuck_nudge"),
			"notification",
			Set.of("notification", "mail_outbox", "notification_preference", "webhook_endpoint", "webhook_delivery"),
			"admin", Set.of("audit_log"), "api", Set.of("api_idempotency_key"));

	/** What a module publishes for the others to read, by the module it belongs to. */
	static final Map<String, Set<String>> PUBLISHED = Map.of("roadmap", Set.of("roadmap_skill"), "account",
			Set.of("user_directory"), "progress", Set.of("learner_progress", "learner_stage_counts"), "mentoring",
			Set.of("mentor_learner", "mentor_totals", "cohort_enrolment"));

	/** Infrastructure every module may use: sessions, and one row per scheduled job. */
	static final Set<String> SHARED = Set.of("spring_session", "spring_session_attributes", "scheduled_job");

	private static final Path SOURCES = Path.of("src/main/java/dev/roadmap");

	private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern TABLE_REFERENCE = Pattern
		.compile("\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

	@Test
	void everyTableAndViewOfTheMigrationsHasAnOwner() throws IOException {
		Set<String> known = new TreeSet<>(SHARED);
		OWNED.values().forEach(known::addAll);
		PUBLISHED.values().forEach(known::addAll);
		Set<String> created = new TreeSet<>();
		Pattern create = Pattern.compile("create (?:table|view) ([a-z_]+)");
		try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path migration : migrations.toList()) {
				Matcher matcher = create.matcher(Files.readString(migration));
				while (matcher.find()) {
					created.add(matcher.group(1));
				}
			}
		}
		assertThat(known).containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void noModulesSqlNamesAnotherModulesTable() throws IOException {
		Map<String, String> owners = new HashMap<>();
		OWNED.forEach((module, tables) -> tables.forEach((table) -> owners.put(table, module)));
		Set<String> published = new TreeSet<>();
		PUBLISHED.values().forEach(published::addAll);
		List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String module = SOURCES.relativize(file).getName(0).toString();
				for (String table : tablesNamedIn(Files.readString(file))) {
					String owner = owners.get(table);
					if (owner != null && !owner.equals(module) && !published.contains(table)) {
						violations.add(SOURCES.relativize(file) + " reads " + owner + "'s " + table);
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theScanFindsTablesInTextBlocksAndStrings() {
		String source = "String a = \"\"\"\n\tselect x from skill_status ss\n\tjoin app_user u on u.id = ss.user_id\"\"\";"
				+ " String b = \"insert into review_event (user_id) values (1)\";";
		assertThat(tablesNamedIn(source)).containsExactlyInAnyOrder("skill_status", "app_user", "review_event");
	}

	private static Set<String> tablesNamedIn(String source) {
		Set<String> tables = new TreeSet<>();
		Matcher strings = STRING.matcher(source);
		while (strings.find()) {
			String text = (strings.group(1) != null) ? strings.group(1) : strings.group(2);
			Matcher references = TABLE_REFERENCE.matcher(text);
			while (references.find()) {
				tables.add(references.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

}
