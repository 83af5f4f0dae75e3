/**
 * The small things every module does the same way, written once: hashing a secret that is
 * stored only as its hash, normalising an e-mail address and typed text, telling a web
 * address, answering a form with a 303 and a flash message, refusing input, a page of a
 * list, and claiming a scheduled job's round across instances. No beans, no dependencies
 * on any module.
 */
@ApplicationModule(displayName = "Shared", allowedDependencies = {})
package dev.roadmap.shared;

import org.springframework.modulith.ApplicationModule;
