package dev.roadmap.account;

/**
 * Published inside the transaction that changed a user's password (on the account page or
 * through a reset link), for modules that keep credentials derived from it, such as
 * remember-me tokens.
 */
public record PasswordChanged(long userId) {
}
