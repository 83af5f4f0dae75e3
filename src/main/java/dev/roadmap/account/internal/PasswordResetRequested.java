package dev.roadmap.account.internal;

import dev.roadmap.account.Account;

/**
 * A reset link to send, once the transaction that stored its token has committed. The
 * token exists only here and in the e-mail.
 */
record PasswordResetRequested(Account account, String token) {

	@Override
	public String toString() {
		return "PasswordResetRequested[user=" + this.account.id() + "]";
	}

}
