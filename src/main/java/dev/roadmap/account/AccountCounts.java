package dev.roadmap.account;

/**
 * How many accounts there are, and how many hold each role.
 */
public record AccountCounts(long users, long learners, long mentors, long admins) {
}
