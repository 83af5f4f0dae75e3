package dev.roadmap.progress.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.roadmap.progress.SkillStatus;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.roadmap.Stage;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The parts of the roadmap's pages that are the same for everyone who sees them: of a
 * skill's row on a stage page (for that skill with that status), its description and
 * resources, its status form, and its note while the learner has none; of a stage's card
 * on the home page, all but the learner's progress. They are most of those pages, and
 * rendering them on every request cost most of their time, so each is rendered once, from
 * its fragment in {@code fragments/skill.html} or {@code fragments/stage-card.html}, and
 * then reused. The roadmap only changes by a redeploy, so nothing needs invalidating.
 * What differs per request is the CSRF token, added to each form as Thymeleaf's
 * {@code th:action} adds it.
 */
@Component
public class SkillMarkup {

	private static final String SKILL_TEMPLATE = "fragments/skill";

	private static final String STAGE_CARD_TEMPLATE = "fragments/stage-card";

	/**
	 * A bound on what is kept: every locale a browser names gets its own copies, and a
	 * visitor must not make this grow without end. Past it, parts are rendered each time.
	 */
	private static final int MAX_PARTS = 10_000;

	private final ITemplateEngine templates;

	private final RenderedOnce<Key, Part> parts = new RenderedOnce<>(MAX_PARTS);

	SkillMarkup(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The skill's title, badge, description and resources.
	 */
	public String body(Skill skill, Locale locale) {
		return part("skill-body", skill, null, locale).withToken(null);
	}

	/**
	 * The status form with {@code current} checked.
	 */
	public String statusForm(Skill skill, SkillStatus current, Locale locale, CsrfToken csrf) {
		return part("status-form", skill, current, locale).withToken(csrf);
	}

	/**
	 * The closed notes panel of a skill the learner has written no note for.
	 */
	public String emptyNote(Skill skill, Locale locale, CsrfToken csrf) {
		return part("note", skill, null, locale).withToken(csrf);
	}

	/**
	 * A stage's number, title (linking to its page), summary and number of skills, as its
	 * card on the home page shows them.
	 */
	public String stageCard(Stage stage, Locale locale) {
		return this.parts.get(new Key("stage-card", stage.slug(), null, locale), (key) -> {
			Context context = new Context(locale);
			context.setVariable("stage", stage);
			return Part.of(render(STAGE_CARD_TEMPLATE, key.fragment(), context));
		}).withToken(null);
	}

	private Part part(String fragment, Skill skill, SkillStatus status, Locale locale) {
		return this.parts.get(new Key(fragment, skill.key(), status, locale), (key) -> {
			Context context = new Context(locale);
			context.setVariable("skill", skill);
			context.setVariable("current", status);
			context.setVariable("statuses", SkillStatus.values());
			return Part.of(render(SKILL_TEMPLATE, fragment, context));
		});
	}

	private String render(String template, String fragment, Context context) {
		return this.templates.process(new TemplateSpec(template, Set.of(fragment), TemplateMode.HTML, null), context);
	}

	/**
	 * @param subject the skill's key, or the stage's slug for its card
	 */
	private record Key(String fragment, String subject, SkillStatus status, Locale locale) {
	}

	/**
	 * Rendered markup, split after the opening tag of each form, where the token goes.
	 */
	private record Part(List<String> pieces) {

		static Part of(String markup) {
			List<String> pieces = new ArrayList<>();
			int from = 0;
			for (int form = markup.indexOf("<form"); form >= 0; form = markup.indexOf("<form", from)) {
				// Attribute values are escaped, so the first '>' ends the tag.
				int end = markup.indexOf('>', form) + 1;
				pieces.add(markup.substring(from, end));
				from = end;
			}
			pieces.add(markup.substring(from));
			return new Part(List.copyOf(pieces));
		}

		String withToken(CsrfToken csrf) {
			if (this.pieces.size() == 1) {
				return this.pieces.get(0);
			}
			String hidden = (csrf != null)
					? "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
							+ HtmlUtils.htmlEscape(csrf.getToken()) + "\"/>"
					: "";
			return String.join(hidden, this.pieces);
		}

	}

}
