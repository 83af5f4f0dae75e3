/**
 * Internals of the progress module: its part of users' personal data and the learners'
 * progress summary that other modules read.
 */
package dev.roadmap.progress.internal;
