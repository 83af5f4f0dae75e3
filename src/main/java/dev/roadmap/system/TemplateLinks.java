package dev.roadmap.system;

import java.util.Map;

import jakarta.servlet.ServletContext;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets templates build their {@code @{/...}} links outside a request too, against the
 * application's context path: markup that is the same for everyone is rendered once, with
 * no request at hand, and then reused (see {@code progress.web.SkillMarkup}). Within a
 * request, links are built as Thymeleaf builds them.
 */
@Configuration(proxyBeanMethods = false)
class TemplateLinks {

	@Bean
	static BeanPostProcessor contextPathLinks(ObjectProvider<ServletContext> servletContext) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setLinkBuilder(new ContextPathLinkBuilder(servletContext));
				}
				return bean;
			}

		};
	}

	private static final class ContextPathLinkBuilder extends StandardLinkBuilder {

		private final ObjectProvider<ServletContext> servletContext;

		private ContextPathLinkBuilder(ObjectProvider<ServletContext> servletContext) {
			this.servletContext = servletContext;
		}

		@Override
		protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
			if (context instanceof IWebContext) {
				return super.computeContextPath(context, base, parameters);
			}
			return this.servletContext.getObject().getContextPath();
		}

	}

}
