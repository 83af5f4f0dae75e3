package dev.roadmap.notification;

/**
 * Published inside the transaction that stored a notification, so that it is e-mailed
 * once that transaction has committed.
 */
record NotificationCreated(long id, long recipientId, NotificationKind kind, String actorName, String skillTitle) {
}
