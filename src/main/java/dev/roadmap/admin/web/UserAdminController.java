package dev.roadmap.admin.web;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.AccountSessions;
import dev.roadmap.account.Role;
import dev.roadmap.account.RoleChange;
import dev.roadmap.account.RoleChangeException;
import dev.roadmap.admin.Actor;
import dev.roadmap.admin.internal.UserAdministration;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.PageOf;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users: search them, see one, change their roles.
 */
@Controller
class UserAdminController {

	private final AccountSessions sessions;

	static final int PAGE_SIZE = 20;

	private final AccountService accounts;

	private final UserAdministration administration;

	UserAdminController(AccountService accounts, UserAdministration administration, AccountSessions sessions) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.administration = administration;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		String query = q.strip();
		PageOf<Account> result = this.accounts.search(query, page, PAGE_SIZE);
		model.addAttribute("q", query);
		model.addAttribute("result", result);
		model.addAttribute("roles", Role.values());
		return "admin/users";
	}

	@GetMapping("/admin/users/{id}")
	String show(@PathVariable long id, Model model) {
		Account account = account(id);
		return show(account, account.roles(), model);
	}

	@PostMapping("/admin/users/{id}/roles")
	ModelAndView changeRoles(@PathVariable long id, @RequestParam(name = "roles", required = false) Set<Role> roles,
			@AuthenticationPrincipal AccountPrincipal admin, Model model, RedirectAttributes redirect,
			OnRefusal onRefusal) {
		// A blank value binds as null: it names no role.
		Set<Role> wanted = EnumSet.noneOf(Role.class);
		if (roles != null) {
			roles.stream().filter(Objects::nonNull).forEach(wanted::add);
		}
		onRefusal.show((refusal) -> {
			if (refusal instanceof RoleChangeException refused
					&& refused.reason() == RoleChangeException.Reason.NO_SUCH_USER) {
				throw notFound();
			}
			model.addAttribute("rolesError", refusal.messageKey());
			return show(account(id), wanted, model);
		});
		RoleChange change = this.administration.changeRoles(Actor.of(admin), id, wanted);
		Account account = change.account();
		if (change.changed() && id != admin.id()) {
			// Roles travel in the session: end it, so the change holds at once.
			this.sessions.logOutEverywhere(id);
		}
		return Redirects.seeOther("/admin/users/" + id, redirect,
				change.changed() ? "admin.flash.rolesChanged" : "admin.flash.rolesUnchanged", account.email());
	}

	private String show(Account account, Set<Role> checked, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("roles", Role.values());
		model.addAttribute("checked", checked);
		return "admin/user";
	}

	private Account account(long id) {
		return this.accounts.findById(id).orElseThrow(UserAdminController::notFound);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user");
	}

}
