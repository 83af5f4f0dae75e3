package dev.roadmap.system;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * How sessions are stored in PostgreSQL (Spring Session JDBC): a request that changes
 * nothing writes nothing and reads its session once ({@link QuietSessionRepository}),
 * attributes are written as upserts so two requests of one session that set the same
 * attribute at once both succeed, and a session holds only a few flash messages however
 * many redirects were never followed.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Flash messages a session keeps at most: each redirect not followed (a script, a
	 * double-click) leaves one behind for three minutes.
	 */
	static final int MAX_FLASH_MAPS = 5;

	/**
	 * Puts {@link QuietSessionRepository} between Spring Session's filter and Boot's JDBC
	 * repository. The filter is made anew around it, since it takes its repository only
	 * in its constructor; a repository bean of our own would switch Boot's session
	 * configuration off.
	 */
	@Bean
	static BeanPostProcessor quietSessionRepositoryFilter(ObjectProvider<JdbcIndexedSessionRepository> store,
			ObjectProvider<HttpSessionIdResolver> sessionIds) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SessionRepositoryFilter<?> && !(bean instanceof QuietFilter)) {
					QuietFilter filter = new QuietFilter(new QuietSessionRepository(store.getObject()));
					filter.setHttpSessionIdResolver(sessionIds.getObject());
					return filter;
				}
				return bean;
			}

		};
	}

	/**
	 * The session id in the cookie Boot configures (name, SameSite, HttpOnly, Secure), as
	 * Spring Session does by default; a bean, so the filter made anew uses it too.
	 */
	@Bean
	CookieHttpSessionIdResolver httpSessionIdResolver(CookieSerializer cookieSerializer) {
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(cookieSerializer);
		return resolver;
	}

	/**
	 * Reads a session without a transaction, writes it in one
	 * ({@link SessionTransactions}). Handed to Spring Session's configuration rather than
	 * declared as its {@code springSessionTransactionOperations} bean: a bean of that
	 * type would take the place of Boot's {@code TransactionTemplate}.
	 */
	@Bean
	static BeanPostProcessor sessionTransactions(ObjectProvider<PlatformTransactionManager> transactions) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(new SessionTransactions(transactions.getObject()));
				}
				return bean;
			}

		};
	}

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * The signed-in user's security context in a compact form, everything else as Spring
	 * Session's default writes it ({@link SessionAttributeCodec}).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeCodec() {
		return (repository) -> repository
			.setConversionService(new SessionAttributeCodec(SessionStoreConfiguration.class.getClassLoader()));
	}

	/**
	 * Ends what {@link QuietSessionRepository} remembers for a request, around Spring
	 * Session's own filter.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> forgetSavedSessionFilter() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				try {
					chain.doFilter(request, response);
				}
				finally {
					QuietSessionRepository.forgetSaved();
				}
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	private static final class QuietFilter extends SessionRepositoryFilter<QuietSessionRepository.QuietSession> {

		QuietFilter(QuietSessionRepository sessions) {
			super(sessions);
		}

	}

	/**
	 * Spring MVC's flash messages, at most {@link #MAX_FLASH_MAPS} per session, the
	 * newest kept.
	 */
	@Bean(name = "flashMapManager")
	FlashMapManager flashMapManager() {
		return new SessionFlashMapManager() {

			@Override
			protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
					HttpServletResponse response) {
				List<FlashMap> newest = (flashMaps.size() > MAX_FLASH_MAPS) ? new CopyOnWriteArrayList<>(
						flashMaps.subList(flashMaps.size() - MAX_FLASH_MAPS, flashMaps.size())) : flashMaps;
				super.updateFlashMaps(newest, request, response);
			}

		};
	}

}
