package dev.roadmap.account.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.roadmap.account.Account;
import dev.roadmap.account.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A user account. The e-mail address is stored lower-cased.
 */
@Entity
@Table(name = "app_user")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String displayName;

	private String passwordHash;

	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected User() {
	}

	public User(String email, String displayName, String passwordHash, Set<Role> roles) {
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = EnumSet.copyOf(roles);
		this.createdAt = Instant.now();
	}

	public Set<Role> roles() {
		EnumSet<Role> copy = EnumSet.noneOf(Role.class);
		copy.addAll(this.roles);
		return copy;
	}

	/**
	 * Replaces the roles, touching only the ones that change.
	 */
	public void changeRoles(Set<Role> roles) {
		this.roles.retainAll(roles);
		this.roles.addAll(roles);
	}

	public String passwordHash() {
		return this.passwordHash;
	}

	public Account toAccount() {
		return new Account(this.id, this.email, this.displayName, this.roles);
	}

}
