package dev.roadmap.notification.web;

import java.util.EnumSet;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.notification.NotificationService;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class NotificationCountAdviceTests {

	private final NotificationService notifications = mock(NotificationService.class);

	private final NotificationCountAdvice advice = new NotificationCountAdvice(this.notifications);

	private final AccountPrincipal user = new AccountPrincipal(
			new Account(7, "ada@example.com", "Ada", EnumSet.of(Role.LEARNER), "UTC"), null);

	@Test
	void addsTheUnreadCountForALoggedInUser() {
		given(this.notifications.unreadCount(7)).willReturn(3L);
		ExtendedModelMap model = new ExtendedModelMap();

		this.advice.notificationCount(this.user, null, new MockHttpServletRequest(), model);

		assertThat(model).containsEntry("notificationCount", 3L);
	}

	@Test
	void addsNothingForVisitors() {
		ExtendedModelMap model = new ExtendedModelMap();

		this.advice.notificationCount(null, null, new MockHttpServletRequest(), model);

		assertThat(model).doesNotContainKey("notificationCount");
		verifyNoInteractions(this.notifications);
	}

	@Test
	void addsNothingToWhatHtmxSwapsInPlaceWhichHasNoHeader() {
		ExtendedModelMap model = new ExtendedModelMap();

		this.advice.notificationCount(this.user, "true", new MockHttpServletRequest(), model);

		assertThat(model).doesNotContainKey("notificationCount");
		verifyNoInteractions(this.notifications);
	}

	@Test
	void aDatabaseFailureLeavesThePageWithoutTheCountInsteadOfFailingIt() {
		given(this.notifications.unreadCount(7)).willThrow(new DataAccessResourceFailureException("database down"));
		ExtendedModelMap model = new ExtendedModelMap();

		this.advice.notificationCount(this.user, null, new MockHttpServletRequest(), model);

		assertThat(model).doesNotContainKey("notificationCount");
	}

}
