package dev.roadmap.mentoring.web;

import java.util.List;

import dev.roadmap.mentoring.MentorDashboard.Row;
import dev.roadmap.mentoring.MentoredCohort;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mentor page's two repeated parts, written here rather than by the template, as the
 * activity calendar's squares are for the dashboard: a mentor of 200 cohorts has 200
 * options in the cohort filter, and each learner row has a cell per stage; at three or
 * four expressions each they were most of the page's time. Same elements, attributes and
 * texts as the template wrote, every text escaped.
 */
@Component
class MentorPageMarkup {

	/**
	 * A learner's heat-map cells, a table cell per stage: the stage's percentage as a
	 * link to that stage on the learner's page, and the heat level the stylesheet colours
	 * as its class.
	 * @param contextPath the application's context path, which links start with
	 */
	String heatCells(Row row, List<Stage> stages, String contextPath) {
		StringBuilder markup = new StringBuilder(stages.size() * 128);
		for (Stage stage : stages) {
			String slug = HtmlUtils.htmlEscape(stage.slug());
			markup.append("<td class=\"heat heat-")
				.append(row.heat(stage.slug()))
				.append("\" data-stage=\"")
				.append(slug)
				.append("\"><a href=\"")
				.append(HtmlUtils.htmlEscape(contextPath))
				.append("/mentor/learners/")
				.append(row.id())
				.append("#stage-")
				.append(slug)
				.append("\">")
				.append(row.stage(stage.slug()).percent())
				.append("%</a></td>");
		}
		return markup.toString();
	}

	/**
	 * An {@code <option>} per cohort for the cohort filter, the shown one selected.
	 */
	String cohortOptions(List<MentoredCohort> cohorts, long selected) {
		StringBuilder markup = new StringBuilder(cohorts.size() * 48);
		for (MentoredCohort cohort : cohorts) {
			markup.append("<option value=\"").append(cohort.id()).append('"');
			if (cohort.id() == selected) {
				markup.append(" selected=\"selected\"");
			}
			markup.append('>').append(HtmlUtils.htmlEscape(cohort.name())).append("</option>");
		}
		return markup.toString();
	}

	/**
	 * The queue filter's stage options (value the stage's slug).
	 * @param stageSlug the stage chosen, or null
	 */
	String queueStageOptions(List<Stage> stages, String stageSlug) {
		StringBuilder markup = new StringBuilder(stages.size() * 64);
		for (Stage stage : stages) {
			markup.append("<option value=\"").append(HtmlUtils.htmlEscape(stage.slug())).append('"');
			if (stage.slug().equals(stageSlug)) {
				markup.append(" selected=\"selected\"");
			}
			markup.append('>').append(HtmlUtils.htmlEscape(stage.title())).append("</option>");
		}
		return markup.toString();
	}

	/**
	 * The queue filter's skill options, grouped under their stage.
	 * @param skillId the skill chosen, or 0
	 */
	String queueSkillOptions(List<Stage> stages, long skillId) {
		StringBuilder markup = new StringBuilder(stages.size() * 400);
		for (Stage stage : stages) {
			markup.append("<optgroup label=\"").append(HtmlUtils.htmlEscape(stage.title())).append("\">");
			for (Skill skill : stage.skills()) {
				markup.append("<option value=\"").append(skill.id()).append('"');
				if (skill.id() == skillId) {
					markup.append(" selected=\"selected\"");
				}
				markup.append('>').append(HtmlUtils.htmlEscape(skill.title())).append("</option>");
			}
			markup.append("</optgroup>");
		}
		return markup.toString();
	}

}
