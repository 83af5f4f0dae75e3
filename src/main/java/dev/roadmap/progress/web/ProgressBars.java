package dev.roadmap.progress.web;

import java.util.Locale;
import java.util.Set;

import dev.roadmap.progress.Progress;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Progress bars, from the {@code bar} fragment of {@code fragments/progress.html}, each
 * rendered once and then reused. A bar depends on nothing but its arguments, there are
 * few different ones (a stage's few skills allow few counts), and the home page and the
 * dashboard show eleven each: rendering them, with a message format per number, was a
 * large part of those pages' time. Templates write
 * {@code th:utext="${#progressBars.bar(progress, stage, label, about, #locale)}"}.
 */
@Component
public class ProgressBars {

	private static final String TEMPLATE = "fragments/progress";

	/**
	 * A bound on what is kept: labels carry names (the mentor's page of a learner) and
	 * browsers name any locale. Past it, bars are rendered each time.
	 */
	private static final int MAX_BARS = 10_000;

	private final ITemplateEngine templates;

	private final RenderedOnce<Key, String> bars = new RenderedOnce<>(MAX_BARS);

	ProgressBars(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The bar's markup.
	 * @param progress what it shows
	 * @param stage the stage's slug, or {@code overall}: its test hook and its label's id
	 * @param label the short label on screen
	 * @param about what it is the progress of, for screen readers; may be {@code null}
	 * @param locale the page's locale
	 */
	public String bar(Progress progress, String stage, String label, String about, Locale locale) {
		return this.bars.get(new Key(progress, stage, label, about, locale), this::render);
	}

	private String render(Key key) {
		Context context = new Context(key.locale());
		context.setVariable("progress", key.progress());
		context.setVariable("stage", key.stage());
		context.setVariable("label", key.label());
		context.setVariable("about", key.about());
		return this.templates.process(new TemplateSpec(TEMPLATE, Set.of("bar"), TemplateMode.HTML, null), context);
	}

	private record Key(Progress progress, String stage, String label, String about, Locale locale) {
	}

	/**
	 * Offers the bars to every template as {@code #progressBars}. The bars are found when
	 * first asked for: they need the template engine, which needs this dialect.
	 */
	@Component
	static class Dialect extends AbstractDialect implements IExpressionObjectDialect {

		private final ObjectProvider<ProgressBars> bars;

		Dialect(ObjectProvider<ProgressBars> bars) {
			super("progressBars");
			this.bars = bars;
		}

		@Override
		public IExpressionObjectFactory getExpressionObjectFactory() {
			return new IExpressionObjectFactory() {

				@Override
				public Set<String> getAllExpressionObjectNames() {
					return Set.of("progressBars");
				}

				@Override
				public Object buildObject(IExpressionContext context, String expressionObjectName) {
					return Dialect.this.bars.getObject();
				}

				@Override
				public boolean isCacheable(String expressionObjectName) {
					return true;
				}

			};
		}

	}

}
