package dev.roadmap.account.login;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.core.Users;
import dev.roadmap.shared.EmailAddresses;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks users up by e-mail address for Spring Security's form login.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final Users users;

	AccountUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.users.findByEmail(EmailAddresses.normalize(username))
			.map((user) -> new AccountPrincipal(user.toAccount(), user.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No account for the given e-mail address"));
	}

}
