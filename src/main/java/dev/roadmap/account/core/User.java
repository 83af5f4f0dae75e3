package dev.roadmap.account.core;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountProfile;
import dev.roadmap.account.PublicPage;
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
		return new Account(this.id, this.email, this.displayName, this.roles, this.timeZone);
	}

	// Account self-service: profile changes, time zone and deletion.

	private String timeZone = "UTC";

	private Instant deletedAt;

	public String email() {
		return this.email;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public String timeZone() {
		return this.timeZone;
	}

	public boolean deleted() {
		return this.deletedAt != null;
	}

	public AccountProfile toProfile() {
		return new AccountProfile(this.id, this.email, this.displayName, this.roles, this.createdAt, this.timeZone);
	}

	public void changeDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public void changeEmail(String email) {
		this.email = email;
	}

	public void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public void changeTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	/**
	 * Empties the account of everything personal, keeping only its id for the records
	 * that point at it: an address that can never receive mail, a neutral name, a
	 * password hash nobody knows the password of, and no roles.
	 */
	public void anonymise(String unusablePasswordHash) {
		this.email = "deleted-" + this.id + "@invalid";
		this.displayName = "Deleted user";
		this.passwordHash = unusablePasswordHash;
		this.timeZone = "UTC";
		this.roles.clear();
		this.publicHandle = null;
		this.publicPage = false;
		this.deletedAt = Instant.now();
	}

	// Public progress page.

	private String publicHandle;

	private boolean publicPage;

	/**
	 * Turns the public page on or off under the handle (lower-case, already checked); a
	 * {@code null} handle releases it and is allowed only with the page off.
	 */
	public void changePublicPage(boolean enabled, String handle) {
		if (enabled && handle == null) {
			throw new IllegalArgumentException("A public page needs a handle");
		}
		this.publicPage = enabled;
		this.publicHandle = handle;
	}

	public PublicPage toPublicPage() {
		return new PublicPage(this.publicPage, this.publicHandle);
	}

}
