package dev.roadmap.system;

import jakarta.servlet.ServletContext;
import org.webjars.WebJarVersionLocator;

import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

/**
 * The addresses of the scripts the layout loads from webjars, with their version in the
 * path, looked up once at start-up. Spring's resource chain could resolve them per link
 * instead, but it then runs every link of every page through its resolvers, which cost
 * more than the rest of a page put together; it is off (application.properties). The
 * layout reads them as {@code ${application.assets}}: Thymeleaf refuses bean references
 * in pages that take request parameters.
 */
@Component
public class Assets implements ServletContextAware {

	private final String htmx;

	Assets() {
		this.htmx = "/webjars/" + new WebJarVersionLocator().path("htmx.org", "dist/htmx.min.js");
	}

	@Override
	public void setServletContext(ServletContext servletContext) {
		servletContext.setAttribute("assets", this);
	}

	/**
	 * htmx, as {@code /webjars/htmx.org/{version}/dist/htmx.min.js}.
	 */
	public String htmx() {
		return this.htmx;
	}

}
