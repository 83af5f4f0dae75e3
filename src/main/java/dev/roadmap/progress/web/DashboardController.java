package dev.roadmap.progress.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountProfile;
import dev.roadmap.account.AccountService;
import dev.roadmap.progress.Activity;
import dev.roadmap.progress.ActivityService;
import dev.roadmap.progress.LearnerSkills;
import dev.roadmap.progress.Progress;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.RoadmapProgress;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The learner's dashboard: progress overall and per stage, where they left off and what
 * comes next, reviews under way, recent activity, and their history as pictures with the
 * numbers beside them. Reads a fixed number of statements whatever the history's length.
 */
@Controller
class DashboardController {

	private final AccountService accounts;

	/**
	 * How many of the latest history entries the page lists.
	 */
	static final int RECENT = 10;

	private final RoadmapService roadmap;

	private final ProgressService progress;

	private final ActivityService activity;

	private final HeatMapCells heatMapCells;

	DashboardController(RoadmapService roadmap, ProgressService progress, ActivityService activity,
			AccountService accounts, HeatMapCells heatMapCells) {
		this.accounts = accounts;
		this.heatMapCells = heatMapCells;
		this.roadmap = roadmap;
		this.progress = progress;
		this.activity = activity;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal AccountPrincipal user, Locale locale, Model model) {
		List<Stage> stages = this.roadmap.stages();
		Map<Long, Skill> skills = new HashMap<>();
		stages.forEach((stage) -> stage.skills().forEach((skill) -> skills.put(skill.id(), skill)));
		LearnerSkills mine = this.progress.statusesAndReviewsOf(user.id());
		Map<Long, SkillStatus> statuses = mine.statuses();
		Map<Long, SkillReview> reviews = mine.reviews();
		RoadmapProgress progress = ProgressService.progressOf(statuses, stages);
		Activity activity = this.activity.activityOf(user.id(), stages, zoneOf(user));

		model.addAttribute("progress", progress);
		model.addAttribute("stageRows", stages.stream().map((stage) -> {
			Progress stageProgress = progress.stage(stage.slug());
			return new StageRow(stage, stageProgress,
					stageProgress.complete() ? activity.completedOn(stage.slug()) : null);
		}).toList());
		model.addAttribute("lastTouched", (activity.lastTouched() != null)
				? new SkillLink(activity.lastTouched(), mine.statusOf(activity.lastTouched().id())) : null);
		model.addAttribute("nextUp", ActivityService.nextUp(stages, statuses).orElse(null));
		model.addAttribute("verified", (long) mine.verifiedCount(skills::containsKey));
		model.addAttribute("openReviews",
				stages.stream()
					.flatMap((stage) -> stage.skills().stream())
					.filter((skill) -> reviews.containsKey(skill.id()))
					.map((skill) -> new OpenReview(skill, reviews.get(skill.id()).state()))
					.filter(OpenReview::open)
					.toList());
		model.addAttribute("history", this.progress.historyOf(user.id(), 1, RECENT));
		model.addAttribute("skills", skills);
		model.addAttribute("activity", activity);
		ActivityCharts.HeatMap heatMap = ActivityCharts.heatMap(activity);
		model.addAttribute("heatMap", heatMap);
		model.addAttribute("heatMapCells", this.heatMapCells.render(heatMap, locale));
		model.addAttribute("doneLine", ActivityCharts.doneLine(activity));
		return "dashboard";
	}

	/**
	 * The learner's time zone, chosen on the account page, in which days, streaks and
	 * dates are counted: the session's (read from the account only for a session older
	 * than principals that carry it); UTC when no longer known.
	 */
	ZoneId zoneOf(AccountPrincipal user) {
		return user.timeZone()
			.or(() -> this.accounts.profileOf(user.id()).map(AccountProfile::timeZone))
			.map((zone) -> {
				try {
					return ZoneId.of(zone);
				}
				catch (DateTimeException ex) {
					return (ZoneId) ZoneOffset.UTC;
				}
			})
			.orElse(ZoneOffset.UTC);
	}

	/**
	 * A stage with the learner's progress and, once complete, the day it first was. This
	 * and the other types the dashboard's template calls are public, as {@link SkillRow}
	 * says why: on others Spring EL looks each method up again on every render.
	 */
	public record StageRow(Stage stage, Progress progress, LocalDate completedOn) {
	}

	public record SkillLink(Skill skill, SkillStatus status) {
	}

	/**
	 * A review that waits for someone: a mentor (requested) or the learner (changes
	 * requested).
	 */
	public record OpenReview(Skill skill, ReviewState state) {

		public boolean open() {
			return this.state == ReviewState.REQUESTED || this.state == ReviewState.CHANGES_REQUESTED;
		}

	}

}
