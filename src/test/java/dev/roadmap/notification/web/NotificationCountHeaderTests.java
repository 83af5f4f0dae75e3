package dev.roadmap.notification.web;

import java.util.EnumSet;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.notification.NotificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class NotificationCountHeaderTests {

	private final NotificationService notifications = mock(NotificationService.class);

	private final NotificationCountHeader.CountInterceptor header = new NotificationCountHeader.CountInterceptor(
			this.notifications);

	private final AccountPrincipal user = new AccountPrincipal(
			new Account(7, "ada@example.com", "Ada", EnumSet.of(Role.LEARNER), "UTC"), null);

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void addsTheUnreadCountToThePageOfALoggedInUser() {
		given(this.notifications.unreadCount(7)).willReturn(3L);

		ModelAndView page = render(this.user, new ModelAndView("home"));

		assertThat(page.getModel()).containsEntry("notificationCount", 3L);
	}

	@Test
	void addsNothingForVisitors() {
		ModelAndView page = render(null, new ModelAndView("home"));

		assertThat(page.getModel()).doesNotContainKey("notificationCount");
		verifyNoInteractions(this.notifications);
	}

	@Test
	void addsNothingToWhatHtmxSwapsInPlaceWhichHasNoHeader() {
		this.request.addHeader("HX-Request", "true");

		ModelAndView page = render(this.user, new ModelAndView("stages/show"));

		assertThat(page.getModel()).doesNotContainKey("notificationCount");
		verifyNoInteractions(this.notifications);
	}

	@Test
	void readsNothingForARedirectOrABodyTheHandlerWrote() {
		ModelAndView byName = render(this.user, new ModelAndView("redirect:/dashboard"));
		ModelAndView byView = render(this.user, new ModelAndView(new RedirectView("/dashboard")));
		ModelAndView forward = render(this.user, new ModelAndView("forward:/error"));
		render(this.user, null);

		assertThat(byName.getModel()).doesNotContainKey("notificationCount");
		assertThat(byView.getModel()).doesNotContainKey("notificationCount");
		assertThat(forward.getModel()).doesNotContainKey("notificationCount");
		verifyNoInteractions(this.notifications);
	}

	@Test
	void aDatabaseFailureLeavesThePageWithoutTheCountInsteadOfFailingIt() {
		given(this.notifications.unreadCount(7)).willThrow(new DataAccessResourceFailureException("database down"));

		ModelAndView page = render(this.user, new ModelAndView("home"));

		assertThat(page.getModel()).doesNotContainKey("notificationCount");
	}

	private ModelAndView render(AccountPrincipal user, ModelAndView page) {
		if (user != null) {
			SecurityContextHolder.getContext()
				.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		}
		this.header.postHandle(this.request, new MockHttpServletResponse(), new Object(), page);
		return page;
	}

}
