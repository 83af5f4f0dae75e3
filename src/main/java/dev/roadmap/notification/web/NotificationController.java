package dev.roadmap.notification.web;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.notification.NotificationService;
import dev.roadmap.notification.ReviewDigests;
import dev.roadmap.shared.SeeOther;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The user's notifications: the list, opening one, marking all read, and a mentor's
 * choice of a daily digest.
 */
@Controller
@RequestMapping("/notifications")
class NotificationController {

	static final int PAGE_SIZE = 20;

	private final NotificationService notifications;

	private final ReviewDigests digests;

	NotificationController(NotificationService notifications, ReviewDigests digests) {
		this.notifications = notifications;
		this.digests = digests;
	}

	/**
	 * The list, newest first.
	 * @param page the page number, from 1
	 */
	@GetMapping
	String list(@AuthenticationPrincipal AccountPrincipal user, @RequestParam(defaultValue = "1") int page,
			Model model) {
		model.addAttribute("notifications", this.notifications.list(user.id(), page, PAGE_SIZE));
		model.addAttribute("mentor", user.hasRole(Role.MENTOR));
		model.addAttribute("digest", user.hasRole(Role.MENTOR) && this.digests.chosenBy(user.id()));
		return "notifications/list";
	}

	/**
	 * A mentor's choice between one e-mail per review event and a daily digest of their
	 * queue; only mentors have a queue to digest.
	 */
	@PostMapping("/digest")
	RedirectView chooseDigest(@AuthenticationPrincipal AccountPrincipal user,
			@RequestParam(defaultValue = "false") boolean digest, RedirectAttributes redirect) {
		if (!user.hasRole(Role.MENTOR)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.digests.choose(user.id(), digest);
		return SeeOther.to("/notifications", redirect, "notifications.digest.saved", digest ? 1 : 0);
	}

	/**
	 * Marks the notification read and goes where it leads. Someone else's notification is
	 * not found, and stays unread.
	 */
	@GetMapping("/{id:\\d+}")
	RedirectView open(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long id) {
		String link = this.notifications.open(user.id(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such notification"));
		return SeeOther.to(link);
	}

	@PostMapping("/read")
	RedirectView markAllRead(@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		this.notifications.markAllRead(user.id());
		return SeeOther.to("/notifications", redirect, "notifications.allRead");
	}

}
