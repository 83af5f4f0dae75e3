package dev.roadmap.system.development;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A process that starts the embedded PostgreSQL on a directory and then waits to be
 * killed, as the application is when it crashes: its server lives on.
 */
public final class CrashingEmbeddedDatabase {

	private CrashingEmbeddedDatabase() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
		System.out.println("started");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
