/**
 * Users, their roles, and everything they do with their own account: sign up, log in and
 * stay logged in, reset a forgotten password, change their settings, and show a public
 * progress page. This package is the module's API; inside, one package per feature
 * ({@code registration}, {@code login}, {@code rememberme}, {@code reset},
 * {@code settings}, {@code publicpage}) over a small shared {@code core} (the
 * {@code User} entity, {@code Users}, the password encoder).
 */
@ApplicationModule(displayName = "Account", allowedDependencies = {})
package dev.roadmap.account;

import org.springframework.modulith.ApplicationModule;
