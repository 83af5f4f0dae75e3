package dev.roadmap.account.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin ({@code roadmap.admin.*}), created at start-up if no admin exists yet.
 * Both unset (the default): nobody is created.
 *
 * @param email the admin's e-mail address
 * @param password the admin's password; never logged
 */
@ConfigurationProperties("roadmap.admin")
public record AdminProperties(@DefaultValue("") String email, @DefaultValue("") String password) {

	@Override
	public String toString() {
		return "AdminProperties[email=" + this.email + ", password=" + (this.password.isEmpty() ? "" : "[hidden]")
				+ "]";
	}

}
