package dev.roadmap.mentoring.web;

import java.util.List;
import java.util.stream.Collectors;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.mentoring.CohortMember;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.mentoring.MentorDashboard;
import dev.roadmap.mentoring.MentorDashboard.Row;
import dev.roadmap.mentoring.MentoredCohort;
import dev.roadmap.progress.LearnerSkills;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.review.ReviewQueue;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Stage;
import dev.roadmap.shared.PageOf;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mentor's pages: their cohorts' learners at a glance with the review queue, and one
 * learner's whole roadmap. A mentor only ever sees learners of the active cohorts they
 * mentor; anyone else's id is answered 404, as if it did not exist.
 * <p>
 * These pages' {@code page} parameters count from 0, as their addresses always have
 * ({@code ?page=1} is the second page); the page records count from 1.
 */
@Controller
class MentorController {

	static final int LEARNERS_PER_PAGE = 25;

	static final int REQUESTS_PER_PAGE = 10;

	static final int HISTORY_PER_PAGE = 30;

	private final CohortService cohorts;

	private final MentorDashboard dashboard;

	private final ReviewQueue queue;

	private final RoadmapService roadmap;

	private final ProgressService progress;

	private final MentorPageMarkup markup;

	MentorController(CohortService cohorts, MentorDashboard dashboard, ReviewQueue queue, RoadmapService roadmap,
			ProgressService progress, MentorPageMarkup markup) {
		this.cohorts = cohorts;
		this.markup = markup;
		this.dashboard = dashboard;
		this.queue = queue;
		this.roadmap = roadmap;
		this.progress = progress;
	}

	@GetMapping("/mentor")
	String overview(@AuthenticationPrincipal AccountPrincipal mentor, @RequestParam(defaultValue = "0") long cohort,
			@RequestParam(defaultValue = "NAME") MentorDashboard.Sort sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "false") boolean stuck,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int queuePage,
			@RequestParam(required = false) String queueStage, @RequestParam(defaultValue = "0") long queueSkill,
			@RequestParam(defaultValue = "false") boolean queueMine,
			@RequestParam(defaultValue = "WAITING") ReviewQueue.Order queueSort, HttpServletRequest request,
			Model model) {
		List<MentoredCohort> mentored = this.cohorts.cohortsMentoredBy(mentor.id());
		if (cohort != 0 && mentored.stream().noneMatch((c) -> c.id() == cohort)) {
			throw notFound();
		}
		boolean descending = "desc".equals(dir);
		model.addAttribute("cohorts", mentored);
		model.addAttribute("cohortOptions", this.markup.cohortOptions(mentored, cohort));
		model.addAttribute("cohort", cohort);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", descending ? "desc" : "asc");
		model.addAttribute("stuck", stuck);
		List<Stage> stages = this.roadmap.stages();
		PageOf<Row> learners = this.dashboard.learners(mentor.id(), cohort, sort, descending, stuck, fromAddress(page),
				LEARNERS_PER_PAGE);
		model.addAttribute("stages", stages);
		model.addAttribute("learners", learners);
		model.addAttribute("heatCells", learners.items()
			.stream()
			.collect(Collectors.toMap(Row::id, (row) -> this.markup.heatCells(row, stages, request.getContextPath()))));
		ReviewQueue.Filter queueFilter = new ReviewQueue.Filter(cohort, queueStage, queueSkill, queueMine, queueSort);
		model.addAttribute("queueFilter", queueFilter);
		model.addAttribute("queueStageOptions", this.markup.queueStageOptions(stages, queueFilter.stageSlug()));
		model.addAttribute("queueSkillOptions", this.markup.queueSkillOptions(stages, queueSkill));
		PageOf<ReviewQueue.Item> waiting = this.queue.waiting(mentor.id(), queueFilter, fromAddress(queuePage),
				REQUESTS_PER_PAGE);
		model.addAttribute("queue", waiting);
		model.addAttribute("queueCapped", queueFilter.narrowed() && waiting.total() > ReviewQueue.COUNT_CAP);
		model.addAttribute("queueCap", ReviewQueue.COUNT_CAP);
		model.addAttribute("stuckDays", this.dashboard.stuckAfter().toDays());
		return "mentor/index";
	}

	@GetMapping("/mentor/learners/{learnerId}")
	String learner(@AuthenticationPrincipal AccountPrincipal mentor, @PathVariable long learnerId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CohortMember learner = this.cohorts.menteeOf(mentor.id(), learnerId).orElseThrow(MentorController::notFound);
		List<Stage> stages = this.roadmap.stages();
		LearnerSkills skills = this.progress.reviewsOf(learnerId);
		model.addAttribute("learner", learner);
		model.addAttribute("stages", stages);
		model.addAttribute("statuses", skills.statuses());
		model.addAttribute("reviews", skills.reviews());
		model.addAttribute("progress", ProgressService.progressOf(skills.statuses(), stages));
		model.addAttribute("history", this.progress.historyOf(learnerId, fromAddress(page), HISTORY_PER_PAGE));
		model.addAttribute("skillTitles",
				stages.stream()
					.flatMap((stage) -> stage.skills().stream())
					.collect(Collectors.toMap((skill) -> skill.id(), (skill) -> skill.title())));
		return "mentor/learner";
	}

	/**
	 * The page number, from 1, of a {@code page} parameter of these pages, from 0.
	 */
	private static int fromAddress(int page) {
		return Math.max(page, 0) + 1;
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
