package dev.roadmap.admin.internal;

import java.util.Set;
import java.util.stream.Collectors;

import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;
import dev.roadmap.account.RoleChange;
import dev.roadmap.account.RoleChangeException;
import dev.roadmap.admin.Actor;
import dev.roadmap.admin.AuditAction;
import dev.roadmap.admin.AuditLog;
import dev.roadmap.admin.AuditTarget;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin actions on users, each written to the audit log in the same transaction.
 */
@Service
public class UserAdministration {

	private final AccountService accounts;

	private final AuditLog audit;

	UserAdministration(AccountService accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * Gives the user exactly these roles; the audit entry holds the role sets before and
	 * after. A change to the same roles changes nothing and writes nothing.
	 * @throws RoleChangeException if the change is refused (nothing is written)
	 */
	@Transactional
	public RoleChange changeRoles(Actor actor, long userId, Set<Role> roles) {
		RoleChange change = this.accounts.changeRoles(userId, roles);
		if (change.changed()) {
			this.audit.record(actor, AuditAction.ROLES_CHANGED, AuditTarget.user(change.account()),
					describe(change.before()), describe(change.after()));
		}
		return change;
	}

	/**
	 * A role set as the audit log shows it: role names in a fixed order, such as
	 * {@code LEARNER, ADMIN}.
	 */
	static String describe(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
	}

}
