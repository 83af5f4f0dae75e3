package dev.roadmap.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} slice for the rules of the web layer that need no database: the
 * security filter chain and headers, CSRF, the request id and sanity filters, the error
 * handling, the layout's helpers ({@code #viewer}, {@code application.assets},
 * {@code @time}), the message bundles and Thymeleaf, all as in production; and no
 * controller unless the test names it
 * ({@code @ControllerSliceTest(LoginController.class)}). Starts in a few seconds, with no
 * PostgreSQL.
 * <p>
 * What needs the database is left out: the pages' read-only transactions, sessions
 * (MockMvc keeps its own), the header's notification count, and the account module's
 * login, for which {@link SliceLogin} stands in (it accepts no password: a test acts as
 * someone with {@code user(...)}). A rule that needs any of these, or the servlet
 * container's error dispatch (the error pages' content), is a
 * {@link RoadmapIntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(includeFilters = { @Filter(type = FilterType.REGEX,
		pattern = "dev\\.roadmap\\.system\\.(SecurityConfiguration|TemplateLinks|Assets|TimeFormat|UnhandledExceptionResolver)"),
		@Filter(type = FilterType.ANNOTATION, classes = ConfigurationProperties.class) },
		excludeFilters = @Filter(type = FilterType.REGEX,
				pattern = "dev\\.roadmap\\.(system\\.ReadOnlyPages|notification\\.web\\.NotificationCountHeader)"))
@Import(SliceLogin.class)
public @interface ControllerSliceTest {

	/**
	 * The controllers to include; none of the application's by default.
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default NoController.class;

	/**
	 * Names no controller: {@code @WebMvcTest} without controllers would include them
	 * all, and with them every service they need.
	 */
	final class NoController {

		private NoController() {
		}

	}

}
