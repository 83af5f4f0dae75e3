package dev.roadmap.progress;

import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewException;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A browser sends a textarea's line breaks as {@code "\r\n"} but its {@code maxlength}
 * counts each as one character: text the page allowed must not be refused for the line
 * breaks, wherever a length limit applies (replies, evidence notes, private notes), and
 * it is stored with {@code "\n"}.
 */
@RoadmapIntegrationTest
class LineBreaksCountOnceIntegrationTests {

	@Autowired
	Learners learners;

	@Autowired
	ReviewService reviews;

	@Autowired
	NoteService notes;

	@Autowired
	RoadmapService roadmap;

	@Test
	void aReplyAtTheLimitIsTakenWithItsLineBreaksAndOneOverIsNot() {
		Skill project = project();
		long learner = this.learners.learner().withReviewRequested(project).create().id();

		this.reviews.reply(learner, project, asSent(lines(2000)));

		assertThat(this.reviews.reviewOf(learner, project.id()).comments().get(0).body()).isEqualTo(lines(2000));
		assertThatExceptionOfType(ReviewException.class)
			.isThrownBy(() -> this.reviews.reply(learner, project, asSent(lines(2001))));
	}

	@Test
	void anEvidenceNoteAtTheLimitIsTakenWithItsLineBreaksAndOneOverIsNot() {
		Skill project = project();
		long learner = this.learners.learner().with(project, SkillStatus.DONE).create().id();
		String repository = "https://github.com/ada/todo";

		assertThatExceptionOfType(ReviewException.class).isThrownBy(
				() -> this.reviews.requestReview(learner, project, new Evidence(repository, null, asSent(lines(2001)))))
			.satisfies((ex) -> assertThat(ex.problems()).containsKey("note"));
		this.reviews.requestReview(learner, project, new Evidence(repository, null, asSent(lines(2000))));

		assertThat(this.reviews.reviewOf(learner, project.id()).evidence().note()).isEqualTo(lines(2000));
	}

	@Test
	void aNoteAtTheLimitIsTakenWithItsLineBreaksAndOneOverIsNot() {
		Skill skill = this.roadmap.stages().get(0).skills().get(0);
		long learner = this.learners.aLearner().id();

		assertThat(this.notes.save(learner, skill, asSent(lines(NoteService.MAX_LENGTH)))).get()
			.extracting(Note::markdown)
			.isEqualTo(lines(NoteService.MAX_LENGTH));
		assertThatExceptionOfType(NoteTooLongException.class)
			.isThrownBy(() -> this.notes.save(learner, skill, asSent(lines(NoteService.MAX_LENGTH + 1))));
	}

	/**
	 * Text of {@code length} characters, counting each line break as one: lines of 99
	 * letters.
	 */
	private static String lines(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 1; i <= length; i++) {
			text.append((i % 100 == 0 && i < length) ? '\n' : 'x');
		}
		return text.toString();
	}

	/**
	 * The text as a browser submits a textarea.
	 */
	private static String asSent(String text) {
		return text.replace("\n", "\r\n");
	}

	private Skill project() {
		return this.roadmap.stage("projects").orElseThrow().skills().get(0);
	}

}
