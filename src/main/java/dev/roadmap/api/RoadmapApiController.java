package dev.roadmap.api;

import java.util.List;

import dev.roadmap.roadmap.LearningResource;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The roadmap itself, public: its ten stages, and each stage's skills with their
 * resources. Held in memory, so these read nothing from the database.
 */
@RestController
@Tag(name = "Roadmap", description = "The stages and their skills: public, no token needed")
@RequestMapping(path = "/api/v1/stages", produces = MediaType.APPLICATION_JSON_VALUE)
class RoadmapApiController {

	private final RoadmapService roadmap;

	RoadmapApiController(RoadmapService roadmap) {
		this.roadmap = roadmap;
	}

	/**
	 * Every stage, in roadmap order: the whole list (ten stages), so no page to ask for.
	 */
	@Operation(summary = "Every stage, in roadmap order")
	@GetMapping
	StageList stages() {
		return new StageList(this.roadmap.stages()
			.stream()
			.map((stage) -> new StageSummary(stage.slug(), stage.number(), stage.title(), stage.summary(),
					stage.skills().size()))
			.toList());
	}

	@Operation(summary = "One stage with its skills and their resources")
	@GetMapping("/{slug}")
	StageJson stage(@PathVariable String slug) {
		Stage stage = this.roadmap.stage(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No stage '" + slug + "'."));
		return new StageJson(stage.slug(), stage.number(), stage.title(), stage.summary(),
				stage.skills().stream().map(SkillJson::of).toList());
	}

	public record StageList(List<StageSummary> items) {
	}

	public record StageSummary(String slug, int number, String title, String summary, int skillCount) {
	}

	public record StageJson(String slug, int number, String title, String summary, List<SkillJson> skills) {
	}

	public record SkillJson(String slug, String key, String title, String description, boolean reviewable,
			List<LearningResource> resources) {

		static SkillJson of(Skill skill) {
			return new SkillJson(skill.slug(), skill.key(), skill.title(), skill.description(), skill.reviewable(),
					skill.resources());
		}

	}

}
