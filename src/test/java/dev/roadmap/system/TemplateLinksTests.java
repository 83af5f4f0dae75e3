package dev.roadmap.system;

import java.util.Map;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links in markup rendered outside any request (markup rendered once and reused) point
 * into the application, under its context path.
 */
class TemplateLinksTests {

	@Test
	void linksRenderedWithoutARequestStartWithTheContextPath() {
		MockServletContext servletContext = new MockServletContext();
		servletContext.setContextPath("/roadmap");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		TemplateLinks
			.contextPathLinks(new StaticListableBeanFactory(Map.of("servletContext", servletContext))
				.getBeanProvider(ServletContext.class))
			.postProcessBeforeInitialization(engine, "templateEngine");

		String html = engine.process("<a th:href=\"@{/stages/{slug}(slug=${slug})}\">Stage</a>",
				new Context(null, Map.of("slug", "apis")));

		assertThat(html).isEqualTo("<a href=\"/roadmap/stages/apis\">Stage</a>");
	}

}
