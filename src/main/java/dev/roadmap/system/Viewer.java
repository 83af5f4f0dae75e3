package dev.roadmap.system;

import java.util.Set;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is looking at a page, for the layout's navigation: {@code #viewer.learner()} and so
 * on. The same answers as {@code sec:authorize="hasRole('LEARNER')"} (the app has no role
 * hierarchy), without parsing and evaluating a security expression for every link of
 * every page, which cost a tenth of a page's time.
 *
 * @param signedIn whether someone is logged in (by form or remember-me), not a visitor
 * @param displayName the signed-in person's name, or null
 */
public record Viewer(boolean signedIn, boolean learner, boolean mentor, boolean admin, String displayName) {

	static final Viewer VISITOR = new Viewer(false, false, false, false, null);

	static Viewer of(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return VISITOR;
		}
		Set<String> authorities = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		String name = (authentication.getPrincipal() instanceof AccountPrincipal account) ? account.displayName()
				: authentication.getName();
		return new Viewer(true, authorities.contains(Role.LEARNER.authority()),
				authorities.contains(Role.MENTOR.authority()), authorities.contains(Role.ADMIN.authority()), name);
	}

	/**
	 * Offers {@code #viewer} to every template, built once per page from the security
	 * context.
	 */
	@Component
	static class Dialect extends AbstractDialect implements IExpressionObjectDialect {

		Dialect() {
			super("viewer");
		}

		@Override
		public IExpressionObjectFactory getExpressionObjectFactory() {
			return new IExpressionObjectFactory() {

				@Override
				public Set<String> getAllExpressionObjectNames() {
					return Set.of("viewer");
				}

				@Override
				public Object buildObject(IExpressionContext context, String expressionObjectName) {
					return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
				}

				@Override
				public boolean isCacheable(String expressionObjectName) {
					return true;
				}

			};
		}

	}

}
