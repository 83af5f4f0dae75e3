/**
 * Reviews of learners' done skills: evidence, the request, the conversation, mentors'
 * claims, the waiting queue and the decisions, with every rule about them. A named
 * interface of {@code progress} rather than a module of its own, because a review lives
 * on the learner's status row (see docs/decisions.md).
 */
@NamedInterface("review")
package dev.roadmap.progress.review;

import org.springframework.modulith.NamedInterface;
