package dev.roadmap.account.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page; Spring Security handles the form's POST.
 */
@Controller
class LoginController {

	private final long lockMinutes;

	LoginController(LoginProperties properties) {
		this.lockMinutes = Math.max(1, properties.lockDuration().toMinutes());
	}

	/**
	 * @param locked the minutes until a locked login may be tried again, as the failure
	 * handler puts it in {@code /login?locked=N}; never more than a lock lasts
	 */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, Model model) {
		if (locked != null) {
			model.addAttribute("lockedMinutes", minutes(locked));
		}
		return "account/login";
	}

	private long minutes(String locked) {
		try {
			long minutes = Long.parseLong(locked);
			return (minutes >= 1 && minutes <= this.lockMinutes) ? minutes : this.lockMinutes;
		}
		catch (NumberFormatException ex) {
			return this.lockMinutes;
		}
	}

}
