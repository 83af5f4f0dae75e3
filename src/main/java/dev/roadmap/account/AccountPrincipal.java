package dev.roadmap.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user. Kept in the (database-stored) session, so it holds only what pages
 * need and never the password hash once login is done.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String email;

	private final String displayName;

	private final Set<Role> roles;

	/**
	 * Null in a session saved before principals carried the zone.
	 */
	private final String timeZone;

	private String passwordHash;

	public AccountPrincipal(Account account, String passwordHash) {
		this.id = account.id();
		this.email = account.email();
		this.displayName = account.displayName();
		this.roles = Set.copyOf(account.roles());
		this.timeZone = account.timeZone();
		this.passwordHash = passwordHash;
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	/**
	 * The zone the user counts days in, as their account said at login or at their last
	 * change of it; empty in a session older than this field.
	 */
	public Optional<String> timeZone() {
		return Optional.ofNullable(this.timeZone);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = this.roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof AccountPrincipal principal) && principal.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "AccountPrincipal[id=" + this.id + "]";
	}

}
