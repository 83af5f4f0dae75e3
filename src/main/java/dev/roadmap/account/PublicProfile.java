package dev.roadmap.account;

/**
 * What anyone may know of a user whose public progress page is on: no e-mail address, no
 * roles, nothing else.
 */
public record PublicProfile(long id, String handle, String displayName) {

}
