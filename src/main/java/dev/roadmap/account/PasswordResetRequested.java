package dev.roadmap.account;

import java.time.Duration;

/**
 * A password reset link to send to the account, published in the transaction that stored
 * its token. The token exists only here, in the e-mail, and in the mail outbox until the
 * mail server took the mail.
 *
 * @param account the account whose password may be reset
 * @param token the link's single-use token
 * @param validFor how long the link works
 */
public record PasswordResetRequested(Account account, String token, Duration validFor) {

	@Override
	public String toString() {
		return "PasswordResetRequested[user=" + this.account.id() + "]";
	}

}
