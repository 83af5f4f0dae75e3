package dev.roadmap.progress.web;

import java.util.List;
import java.util.Map;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.progress.LearnerSkills;
import dev.roadmap.progress.Note;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.SkillStatus;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * Builds a stage page: the stage, and for a learner their status and review per skill.
 * Used to show the page and to show it again with a form's errors.
 */
@Component
class StagePage {

	static final String VIEW = "stages/show";

	private final RoadmapService roadmap;

	private final ProgressService progress;

	private final SkillMarkup markup;

	StagePage(RoadmapService roadmap, ProgressService progress, SkillMarkup markup) {
		this.roadmap = roadmap;
		this.progress = progress;
		this.markup = markup;
	}

	String render(String slug, AccountPrincipal user, Model model) {
		boolean learner = user != null && user.hasRole(Role.LEARNER);
		return render(slug, user, learner ? this.progress.skillsOf(user.id()) : LearnerSkills.NONE, model);
	}

	private String render(String slug, AccountPrincipal user, LearnerSkills mine, Model model) {
		List<Stage> stages = this.roadmap.stages();
		int index = indexOf(stages, slug);
		Stage stage = stages.get(index);
		boolean learner = user != null && user.hasRole(Role.LEARNER);
		Map<Long, SkillReview> reviews = mine.reviews();
		Map<Long, SkillStatus> statuses = mine.statuses();
		Map<Long, Note> notes = mine.notes();
		model.addAttribute("stage", stage);
		model.addAttribute("skills", stage.skills().stream().map((skill) -> {
			SkillStatus status = statuses.getOrDefault(skill.id(), SkillStatus.NOT_STARTED);
			SkillReview review = reviews.getOrDefault(skill.id(),
					SkillReview.none(learner ? user.id() : 0, skill.id(), status));
			return new SkillRow(skill, status, review, notes.get(skill.id()));
		}).toList());
		model.addAttribute("fixedMarkup", this.markup);
		model.addAttribute("learner", learner);
		if (learner) {
			model.addAttribute("progress", ProgressService.progressOf(statuses, List.of(stage)).stage(slug));
		}
		model.addAttribute("previous", (index > 0) ? stages.get(index - 1) : null);
		model.addAttribute("next", (index < stages.size() - 1) ? stages.get(index + 1) : null);
		return VIEW;
	}

	/**
	 * Just one skill's row and the stage's progress, for htmx to swap in place, from the
	 * learner's skills as a change left them.
	 */
	String renderSkill(String slug, Skill skill, AccountPrincipal user, LearnerSkills mine, Model model) {
		render(slug, user, mine, model);
		@SuppressWarnings("unchecked")
		List<SkillRow> rows = (List<SkillRow>) model.getAttribute("skills");
		model.addAttribute("row",
				rows.stream().filter((row) -> row.skill().id() == skill.id()).findFirst().orElseThrow());
		return "fragments/skill :: status-update";
	}

	private static int indexOf(List<Stage> stages, String slug) {
		for (int i = 0; i < stages.size(); i++) {
			if (stages.get(i).slug().equals(slug)) {
				return i;
			}
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such stage");
	}

}
