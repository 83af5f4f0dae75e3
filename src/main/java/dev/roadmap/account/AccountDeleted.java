package dev.roadmap.account;

/**
 * Published inside the transaction that deleted (anonymised) an account, after every
 * {@link PersonalData} part has been erased, for modules that keep more about users.
 */
public record AccountDeleted(long userId) {
}
