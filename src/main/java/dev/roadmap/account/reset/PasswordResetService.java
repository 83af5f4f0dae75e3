package dev.roadmap.account.reset;

import dev.roadmap.account.Account;
import dev.roadmap.account.PasswordPolicy;
import dev.roadmap.account.PasswordResetRequested;
import dev.roadmap.account.core.AccountChangeException;
import dev.roadmap.account.core.User;
import dev.roadmap.account.core.Users;
import dev.roadmap.shared.EmailAddresses;
import dev.roadmap.shared.RefusedInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail: a request sends a single-use link valid for 30 minutes to the
 * address, if it has an account; following the link sets a new password. The caller
 * answers a request the same way whether or not the address has an account, and the work
 * done here for an unknown address is the same lookup.
 */
@Service
class PasswordResetService {

	private final Users users;

	private final PasswordResetTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	PasswordResetService(Users users, PasswordResetTokens tokens, PasswordPolicy policy,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.users = users;
		this.tokens = tokens;
		this.policy = policy;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	/**
	 * Sends a reset link to the address if it belongs to an account and has not had
	 * {@value PasswordResetTokens#MAX_PER_HOUR} links in the last hour; otherwise does
	 * nothing. The notification module e-mails the link ({@link PasswordResetRequested}).
	 */
	@Transactional
	public void request(String email) {
		String normalized = EmailAddresses.normalize(email);
		this.users.findByEmail(normalized).filter((user) -> !user.deleted()).ifPresent((user) -> {
			Account account = user.toAccount();
			this.tokens.create(account.id())
				.ifPresent((token) -> this.events
					.publishEvent(new PasswordResetRequested(account, token, PasswordResetTokens.VALIDITY)));
		});
	}

	/**
	 * Whether the token is one that can still set a password.
	 */
	@Transactional(readOnly = true)
	public boolean isValid(String token) {
		return this.tokens.validUser(token, false).isPresent();
	}

	/**
	 * Sets the new password of the token's user and uses up the token and every other
	 * outstanding token of that user. Nothing changes if the password breaks the policy.
	 * @return the account, whose sessions the caller ends
	 * @throws InvalidResetTokenException if the token is unknown, used or expired
	 * @throws AccountChangeException if the password breaks the policy
	 */
	@Transactional
	public Account reset(String token, String newPassword) {
		long userId = this.tokens.validUser(token, true).orElseThrow(InvalidResetTokenException::new);
		User user = this.users.findById(userId).orElseThrow(InvalidResetTokenException::new);
		this.policy.violation(newPassword).ifPresent((key) -> {
			throw new AccountChangeException("password", key);
		});
		user.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.users.flush();
		this.tokens.invalidateAll(userId);
		return user.toAccount();
	}

	/**
	 * A reset link that cannot be used: never issued, already used, or expired.
	 */
	public static class InvalidResetTokenException extends RefusedInputException {

		InvalidResetTokenException() {
			super(WHOLE_FORM, "passwordReset.invalid.text");
		}

	}

}
