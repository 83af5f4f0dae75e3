package dev.roadmap.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.HistoryCursor;
import dev.roadmap.progress.HistorySlice;
import dev.roadmap.progress.LearnerSkills;
import dev.roadmap.progress.Progress;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.RoadmapProgress;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.StatusChange;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.shared.RefusedInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The token's user's own progress: overall, per stage and per skill (status, review
 * state, verified), read as the dashboard reads it, in one statement; and a skill's
 * status set as the stage page sets it, through the same service and its row lock.
 */
@RestController
@Tag(name = "My progress", description = "Your own progress: scopes progress:read and progress:write")
@RequestMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
class ProgressApiController {

	/** The most entries one slice of history may hold. */
	static final int MAX_LIMIT = 100;

	private final RoadmapService roadmap;

	private final ProgressService progress;

	ProgressApiController(RoadmapService roadmap, ProgressService progress) {
		this.roadmap = roadmap;
		this.progress = progress;
	}

	@Operation(summary = "Your progress overall, per stage and per skill (progress:read)")
	@GetMapping("/progress")
	MyProgress progress(@AuthenticationPrincipal AccountPrincipal me) {
		return MyProgress.of(this.roadmap, this.progress.statusesAndReviewsOf(me.id()), me.id());
	}

	/**
	 * The history, newest first, a slice at a time: each answer's {@code next} is the
	 * cursor of the one after (null on the last).
	 */
	@Operation(summary = "Your history, newest first, cursor-paged (progress:read)")
	@GetMapping("/history")
	History history(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new RefusedInputException("limit", "api.limitRange", MAX_LIMIT);
		}
		HistoryCursor after = null;
		if (cursor != null) {
			after = HistoryCursor.parse(cursor)
				.orElseThrow(() -> new RefusedInputException("cursor", "api.cursorInvalid"));
		}
		HistorySlice slice = this.progress.historyAfter(me.id(), after, limit);
		return new History(slice.entries()
			.stream()
			.map((entry) -> new HistoryItem(entry.at(), entry.kind(),
					this.roadmap.skill(entry.skillId()).map(Skill::key).orElse(null), entry.from(), entry.to(),
					entry.actorName()))
			.toList(), (slice.next() != null) ? slice.next().encode() : null);
	}

	/**
	 * Sets the skill's status; setting the status it has already changes nothing (and
	 * says so), so a retried request does no harm.
	 */
	@Operation(summary = "Set a skill's status (progress:write); the same status again changes nothing")
	@PutMapping(path = "/skills/{stage}/{skill}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	StatusChanged setStatus(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String stage,
			@PathVariable String skill, @RequestBody StatusBody body) {
		Skill found = this.roadmap.skill(stage, skill)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No skill '" + stage + "/" + skill + "'."));
		if (body == null || body.status() == null) {
			throw new RefusedInputException("status", "api.statusRequired", Arrays.toString(SkillStatus.values()));
		}
		StatusChange change = this.progress.setStatus(me.id(), found, body.status());
		return new StatusChanged(found.key(), change.from(), change.to(), change.changed());
	}

	/**
	 * @param next the cursor of the next slice, null on the last
	 */
	public record History(List<HistoryItem> items, String next) {
	}

	/**
	 * @param kind {@code STATUS} for a status change, else the review action
	 * @param skill the skill's key, null for a skill no longer on the roadmap
	 * @param actor who acted, for review actions
	 */
	public record HistoryItem(Instant at, String kind, String skill, SkillStatus from, SkillStatus to, String actor) {
	}

	public record StatusBody(SkillStatus status) {
	}

	public record StatusChanged(String skill, SkillStatus from, SkillStatus to, boolean changed) {
	}

	public record MyProgress(Counts overall, int verified, List<StageProgress> stages) {

		/**
		 * A learner's progress as the API shows it, to them or to their mentor.
		 */
		static MyProgress of(RoadmapService roadmap, LearnerSkills skills, long learnerId) {
			List<Stage> stages = roadmap.stages();
			RoadmapProgress progress = ProgressService.progressOf(skills.statuses(), stages);
			return new MyProgress(Counts.of(progress.overall()), skills.verifiedCount(roadmap::isCurrent), stages
				.stream()
				.map((stage) -> new StageProgress(stage.slug(), Counts.of(progress.stage(stage.slug())),
						stage.skills().stream().map((skill) -> SkillProgress.of(skill, skills, learnerId)).toList()))
				.toList());
		}

	}

	public record StageProgress(String slug, Counts progress, List<SkillProgress> skills) {
	}

	public record Counts(int done, int skipped, int total, int percent) {

		static Counts of(Progress progress) {
			return new Counts(progress.done(), progress.skipped(), progress.total(), progress.percent());
		}

	}

	public record SkillProgress(String key, String slug, SkillStatus status, ReviewState reviewState,
			boolean verified) {

		static SkillProgress of(Skill skill, LearnerSkills mine, long learnerId) {
			SkillStatus status = mine.statusOf(skill.id());
			SkillReview review = mine.reviews()
				.getOrDefault(skill.id(), SkillReview.none(learnerId, skill.id(), status));
			return new SkillProgress(skill.key(), skill.slug(), status, review.state(), review.verified());
		}

	}

}
