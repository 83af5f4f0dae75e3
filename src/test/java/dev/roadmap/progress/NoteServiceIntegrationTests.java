package dev.roadmap.progress;

import java.util.Map;
import java.util.Optional;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import dev.roadmap.test.StatementCounter;
import dev.roadmap.test.StatementCounter.Counted;
import dev.roadmap.test.TransactionRace;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes through their entity: saving is one statement whether the note is new or not, and
 * two saves of the same new note at once both succeed.
 */
@RoadmapIntegrationTest
@Import(StatementCounter.CountStatements.class)
class NoteServiceIntegrationTests {

	@Autowired
	NoteService notes;

	@Autowired
	Learners learners;

	@Autowired
	RoadmapService roadmap;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void savingANoteIsOneStatementWhetherItIsNewOrReplacesOne() {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();

		Counted<Optional<Note>> first = this.statements.count(() -> this.notes.save(learner.id(), skill, "first"));
		Counted<Optional<Note>> second = this.statements.count(() -> this.notes.save(learner.id(), skill, " second "));
		Counted<Optional<Note>> blank = this.statements.count(() -> this.notes.save(learner.id(), skill, " "));

		System.out.println("note write statements: new=" + first.statements() + ", replacing=" + second.statements()
				+ ", blank=" + blank.statements());
		assertThat(first.sql()).as("a new note: %s", first.all()).singleElement().asString().startsWith("insert");
		assertThat(second.sql()).as("a note replaced: %s", second.all()).isEqualTo(first.sql());
		assertThat(blank.sql()).as("a blank note: %s", blank.all()).singleElement().asString().startsWith("delete");
		assertThat(second.result().orElseThrow().markdown()).isEqualTo("second");
		assertThat(blank.result()).isEmpty();
		assertThat(this.notes.notesOf(learner.id())).isEmpty();
	}

	@Test
	void theNoteReturnedIsTheNoteStored() {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();

		Note saved = this.notes.save(learner.id(), skill, "**bold** plan").orElseThrow();

		assertThat(this.notes.notesOf(learner.id())).containsExactly(Map.entry(skill.id(), saved));
		assertThat(saved.html()).contains("<strong>bold</strong>");
	}

	@Test
	void twoSavesOfTheSameNewNoteAtOnceBothSucceedAndTheLaterWins() throws Exception {
		AccountPrincipal learner = this.learners.aLearner();
		Skill skill = skill();

		TransactionRace.run(this.transactionManager, this.jdbc, () -> this.notes.save(learner.id(), skill, "one tab"),
				() -> this.notes.save(learner.id(), skill, "the other tab"));

		assertThat(this.notes.notesOf(learner.id()).get(skill.id()).markdown()).isEqualTo("the other tab");
	}

	private Skill skill() {
		return this.roadmap.stage("servers").orElseThrow().skills().get(1);
	}

}
