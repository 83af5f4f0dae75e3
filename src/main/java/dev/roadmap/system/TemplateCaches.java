package dev.roadmap.system;

import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Room in Thymeleaf's caches for every template and expression of the application. Its
 * defaults (200 templates, 500 expressions) hold less than the pages have: served in
 * turns, pages pushed each other's expressions out, so each render parsed them again, and
 * Spring EL never saw one often enough to compile it. The application's own is far below
 * the limits here ({@code PagesThrowNothingIntegrationTests} counts it).
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

	static final int EXPRESSIONS = 10_000;

	static final int TEMPLATES = 1_000;

	@Bean
	static BeanPostProcessor roomForEveryTemplateAndExpression() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					StandardCacheManager caches = new StandardCacheManager();
					caches.setExpressionCacheMaxSize(EXPRESSIONS);
					caches.setTemplateCacheMaxSize(TEMPLATES);
					engine.setCacheManager(caches);
				}
				return bean;
			}

		};
	}

}
