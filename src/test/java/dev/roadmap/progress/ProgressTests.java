package dev.roadmap.progress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	@Test
	void percentIsDoneOverAllButSkipped() {
		assertThat(new Progress(2, 2, 6).percent()).isEqualTo(50);
		assertThat(new Progress(1, 0, 6).percent()).isEqualTo(16);
		assertThat(new Progress(1, 0, 3).percent()).isEqualTo(33);
	}

	@Test
	void percentRoundsDownSoHundredMeansFinished() {
		assertThat(new Progress(199, 0, 200).percent()).isEqualTo(99);
		assertThat(new Progress(199, 0, 200).complete()).isFalse();
	}

	@Test
	void aStageWhoseSkillsAreAllSkippedOrDoneIsComplete() {
		assertThat(new Progress(0, 4, 4).percent()).isEqualTo(100);
		assertThat(new Progress(2, 2, 4).complete()).isTrue();
	}

	@Test
	void nothingToDoIsZeroPercentAndNotComplete() {
		assertThat(Progress.NONE.percent()).isZero();
		assertThat(Progress.NONE.complete()).isFalse();
	}

	@Test
	void progressAddsUp() {
		assertThat(new Progress(1, 1, 3).plus(new Progress(2, 0, 4))).isEqualTo(new Progress(3, 1, 7));
	}

}
