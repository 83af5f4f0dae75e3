/**
 * Internals of the progress module: its part of users' personal data, the learners'
 * progress summary that other modules read, and the notes' entity and repository.
 */
package dev.roadmap.progress.internal;
