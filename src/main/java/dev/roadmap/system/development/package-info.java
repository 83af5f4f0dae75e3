/**
 * What only development needs: the zero-configuration embedded PostgreSQL and the demo
 * accounts. {@code ./mvnw spring-boot:run} and the tests have them; the production jar
 * and image do not (the jar leaves this package out, the repackaging the embedded
 * PostgreSQL library and its binaries: see {@code pom.xml}), so a production start with a
 * mistyped database variable stops at once ({@code system.DatabaseRequired}) instead of
 * running an embedded database with a published admin password.
 */
package dev.roadmap.system.development;
