/**
 * Internals of the progress module: its part of users' personal data.
 */
package dev.roadmap.progress.internal;
