package dev.roadmap.test;

import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;

import org.springframework.boot.test.context.TestComponent;

/**
 * The roadmap's skills for tests, by stage and position:
 * {@code skills.of("databases", 0)}.
 */
@TestComponent
public class Skills {

	private final RoadmapService roadmap;

	Skills(RoadmapService roadmap) {
		this.roadmap = roadmap;
	}

	/**
	 * The skill at this position (from 0) of the stage.
	 */
	public Skill of(String stage, int index) {
		return this.roadmap.stage(stage).orElseThrow().skills().get(index);
	}

}
