package dev.roadmap.account;

/**
 * Published inside the transaction that created an account, for modules that keep
 * something for every user from the start (such as the learner's progress summary).
 */
public record AccountCreated(long userId) {
}
