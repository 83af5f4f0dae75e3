package dev.roadmap.test;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.AccountService;
import dev.roadmap.account.Role;

import org.springframework.boot.test.context.TestComponent;

/**
 * Creates users for tests, each with a unique e-mail address.
 */
@TestComponent
public class Learners {

	public static final String PASSWORD = "correct horse battery";

	private final AccountService accounts;

	Learners(AccountService accounts) {
		this.accounts = accounts;
	}

	public static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	public AccountPrincipal aLearner() {
		return withRoles(EnumSet.of(Role.LEARNER));
	}

	public AccountPrincipal withRoles(Set<Role> roles) {
		Account account = this.accounts.createIfAbsent(uniqueEmail(), "Test User", PASSWORD, roles).orElseThrow();
		return new AccountPrincipal(account, null);
	}

}
