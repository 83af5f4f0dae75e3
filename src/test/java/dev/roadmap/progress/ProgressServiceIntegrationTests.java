package dev.roadmap.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.Skills;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@RoadmapIntegrationTest
@RecordApplicationEvents
@Import(StatementCounter.CountStatements.class)
class ProgressServiceIntegrationTests {

	@Autowired
	ProgressService progress;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	Learners learners;

	@Autowired
	Skills skills;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	StatementCounter statements;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aStatusChangeIsStoredOnceAndRecordedAsAnEvent() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("databases", 0);

		StatusChange first = this.progress.setStatus(learner, skill, SkillStatus.IN_PROGRESS);
		StatusChange second = this.progress.setStatus(learner, skill, SkillStatus.DONE);

		assertThat(first).isEqualTo(new StatusChange(SkillStatus.NOT_STARTED, SkillStatus.IN_PROGRESS));
		assertThat(second).isEqualTo(new StatusChange(SkillStatus.IN_PROGRESS, SkillStatus.DONE));
		assertThat(this.progress.statusesOf(learner)).containsExactly(Map.entry(skill.id(), SkillStatus.DONE));
		assertThat(rows(learner)).isEqualTo(1);
		assertThat(events(learner)).containsExactly("NOT_STARTED>IN_PROGRESS", "IN_PROGRESS>DONE");
	}

	@Test
	void aSkillTouchedBeforeIsLockedWithoutTryingToInsertItsRow() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("databases", 1);

		Counted<StatusChange> first = this.statements
			.count(() -> this.progress.setStatus(learner, skill, SkillStatus.IN_PROGRESS));
		Counted<StatusChange> second = this.statements
			.count(() -> this.progress.setStatus(learner, skill, SkillStatus.DONE));

		assertThat(first.sql()).as("the first change").anyMatch(ProgressServiceIntegrationTests::insertsAStatusRow);
		assertThat(second.sql()).as("the second change").noneMatch(ProgressServiceIntegrationTests::insertsAStatusRow);
		// The first looked for the row, inserted it and locked it; the second only locks.
		assertThat(second.statements()).as("%s against %s", second.all(), first.all())
			.isEqualTo(first.statements() - 2);
		assertThat(events(learner)).containsExactly("NOT_STARTED>IN_PROGRESS", "IN_PROGRESS>DONE");
	}

	@Test
	void settingTheSameStatusAgainRecordsNoEvent() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("apis", 1);

		this.progress.setStatus(learner, skill, SkillStatus.DONE);
		StatusChange again = this.progress.setStatus(learner, skill, SkillStatus.DONE);

		assertThat(again.changed()).isFalse();
		assertThat(events(learner)).containsExactly("NOT_STARTED>DONE");
	}

	@Test
	void aStatusChangeRewritesItsRowInPlaceWithoutNewIndexEntries() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("apis", 3);
		this.progress.setStatus(learner, skill, SkillStatus.IN_PROGRESS);

		// Read before and after the change, in its transaction, on its connection: what
		// it
		// did to the table, counted exactly (the counts include this connection's earlier
		// transactions until they are reported, so the difference is what counts).
		List<Long> updates = this.transactions.execute((transaction) -> {
			List<Long> before = updateCounts();
			this.progress.setStatus(learner, skill, SkillStatus.DONE);
			List<Long> after = updateCounts();
			return List.of(after.get(0) - before.get(0), after.get(1) - before.get(1));
		});

		// A heap-only (HOT) update: no index names a column the change writes, so none of
		// the row's index entries is rewritten, and a skill changed many times in a row
		// (a double-click, two tabs) leaves no trail of dead entries for its lock to
		// walk.
		assertThat(updates).as("rows updated, of which in place").containsExactly(1L, 1L);
	}

	@Test
	void everyRealChangeIsPublishedOnceAndMovesTheLearnersSummary() {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("apis", 2);

		this.progress.setStatus(learner, skill, SkillStatus.DONE);
		this.progress.setStatus(learner, skill, SkillStatus.DONE);
		this.progress.setStatus(learner, skill, SkillStatus.SKIPPED);

		assertThat(this.events.stream(SkillStatusChanged.class)).containsExactly(
				new SkillStatusChanged(learner, skill.id(), SkillStatus.NOT_STARTED, SkillStatus.DONE),
				new SkillStatusChanged(learner, skill.id(), SkillStatus.DONE, SkillStatus.SKIPPED));
		// The summary listens to the event: skipped, so nothing done, and active now.
		assertThat(this.jdbc
			.sql("select done, skipped, last_activity_at is not null from learner_progress where user_id = :id")
			.param("id", learner)
			.query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getBoolean(3))
			.single()).isEqualTo("0/1/true");
	}

	@Test
	void learnersSeeOnlyTheirOwnStatuses() {
		long ada = this.learners.aLearner().id();
		long bob = this.learners.aLearner().id();

		this.progress.setStatus(ada, this.skills.of("apis", 0), SkillStatus.DONE);

		assertThat(this.progress.statusesOf(bob)).isEmpty();
		assertThat(this.progress.statusesOf(ada)).hasSize(1);
	}

	@Test
	void progressIsDoneOverAllButSkippedPerStageAndOverall() {
		long learner = this.learners.aLearner().id();
		List<Stage> stages = this.roadmap.stages();
		this.progress.setStatus(learner, this.skills.of("databases", 0), SkillStatus.DONE);
		this.progress.setStatus(learner, this.skills.of("databases", 1), SkillStatus.DONE);
		this.progress.setStatus(learner, this.skills.of("databases", 2), SkillStatus.SKIPPED);
		this.progress.setStatus(learner, this.skills.of("databases", 3), SkillStatus.IN_PROGRESS);
		this.progress.setStatus(learner, this.skills.of("apis", 0), SkillStatus.SKIPPED);

		RoadmapProgress result = this.progress.progressOf(learner, stages);

		assertThat(result.stage("databases")).isEqualTo(new Progress(2, 1, 6));
		assertThat(result.stage("databases").percent()).isEqualTo(40);
		assertThat(result.stage("apis")).isEqualTo(new Progress(0, 1, 4));
		assertThat(result.stage("servers").percent()).isZero();
		assertThat(result.overall()).isEqualTo(new Progress(2, 2, 42));
		assertThat(result.overall().percent()).isEqualTo(5);
	}

	@Test
	void concurrentChangesOfOneSkillNeitherLoseNorDuplicateTheRow() throws Exception {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("security", 2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 20; round++) {
				CyclicBarrier start = new CyclicBarrier(2);
				SkillStatus a = (round % 2 == 0) ? SkillStatus.DONE : SkillStatus.IN_PROGRESS;
				SkillStatus b = (round % 2 == 0) ? SkillStatus.SKIPPED : SkillStatus.NOT_STARTED;
				Future<StatusChange> first = pool.submit(change(start, learner, skill, a));
				Future<StatusChange> second = pool.submit(change(start, learner, skill, b));
				StatusChange one = first.get();
				StatusChange two = second.get();

				// The two changes were applied one after the other: the later one saw the
				// earlier one's status.
				assertThat(List.of(one.from(), two.from())).containsAnyOf(a, b);
				assertThat(rows(learner)).isEqualTo(1);
				assertThat(this.progress.statusesOf(learner).get(skill.id())).isIn(a, b);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<String> events = events(learner);
		for (int i = 1; i < events.size(); i++) {
			String previousTo = events.get(i - 1).split(">")[1];
			assertThat(events.get(i)).as("events form an unbroken chain").startsWith(previousTo + ">");
		}
	}

	@Test
	void eachSkillsHistoryIsInTheOrderItsChangesWereMadeUnderConcurrency() throws Exception {
		long learner = this.learners.aLearner().id();
		Skill skill = this.skills.of("apis", 1);
		SkillStatus[] statuses = SkillStatus.values();
		int threads = 6;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int offset = t;
				workers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < 40; i++) {
						this.progress.setStatus(learner, skill, statuses[(offset + i) % statuses.length]);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		// The history lists changes by the time they carry: that order must be the order
		// in which they happened, each starting where the one before it ended.
		List<String> byTime = this.jdbc.sql(
				"select from_status || '>' || to_status from status_event where user_id = :id order by occurred_at, id")
			.param("id", learner)
			.query(String.class)
			.list();
		assertThat(byTime).hasSizeGreaterThan(threads * 10);
		assertThat(byTime).isEqualTo(events(learner));
	}

	/**
	 * The rows of {@code skill_status} this connection updated, and of those the ones
	 * updated in place (HOT), so far.
	 */
	private List<Long> updateCounts() {
		return this.jdbc.sql("""
				select pg_stat_get_xact_tuples_updated(cast('skill_status' as regclass)) as updated,
					pg_stat_get_xact_tuples_hot_updated(cast('skill_status' as regclass)) as in_place""")
			.query((rs, row) -> List.of(rs.getLong("updated"), rs.getLong("in_place")))
			.single();
	}

	private static boolean insertsAStatusRow(String sql) {
		return sql.startsWith("insert into skill_status");
	}

	private Callable<StatusChange> change(CyclicBarrier start, long learner, Skill skill, SkillStatus status) {
		return () -> {
			start.await();
			return this.progress.setStatus(learner, skill, status);
		};
	}

	private long rows(long learner) {
		return this.jdbc.sql("select count(*) from skill_status where user_id = :id")
			.param("id", learner)
			.query(Long.class)
			.single();
	}

	private List<String> events(long learner) {
		return this.jdbc.sql("select from_status || '>' || to_status from status_event where user_id = :id order by id")
			.param("id", learner)
			.query(String.class)
			.list();
	}

}
