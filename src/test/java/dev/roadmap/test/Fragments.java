package dev.roadmap.test;

import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Renders a piece of markup that uses the application's templates and messages, without
 * starting the application: for the fragments' own tests.
 */
public final class Fragments {

	private static final SpringTemplateEngine ENGINE = engine();

	private Fragments() {
	}

	/**
	 * Renders the markup with those variables, in English, and parses the result.
	 */
	public static Document render(String markup, Map<String, Object> variables) {
		return Jsoup.parseBodyFragment(ENGINE.process(markup, new Context(Locale.ENGLISH, variables)));
	}

	private static SpringTemplateEngine engine() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding("UTF-8");
		templates.setCheckExistence(true);
		templates.setOrder(1);
		StringTemplateResolver strings = new StringTemplateResolver();
		strings.setOrder(2);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "messages-mentoring", "messages-admin", "messages-notification");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.addTemplateResolver(templates);
		engine.addTemplateResolver(strings);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

}
