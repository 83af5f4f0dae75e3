package dev.roadmap.system.development;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of an application that was killed (kill -9, a crash, a closed
 * terminal) lives on, holding its data directory, and the next start would fail on its
 * lock file. This finds such a server by the directory's {@code postmaster.pid} and shuts
 * it down (as {@code pg_ctl stop -m smart} does: its clients died with the application),
 * so that a restart after any crash works the first time.
 */
final class StalePostmaster {

	private static final Logger logger = LoggerFactory.getLogger(StalePostmaster.class);

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private StalePostmaster() {
	}

	static void stopIfAny(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
			return; // PostgreSQL itself judges a partly written file
		}
		long pid = Long.parseLong(lines.get(0).strip());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty() || !Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(directory)
				|| !process.get().info().command().orElse("").endsWith("postgres")) {
			return; // a leftover file; PostgreSQL checks and replaces it itself
		}
		logger.warn("An embedded PostgreSQL (PID {}) left running by an earlier start still holds {}: stopping it", pid,
				directory);
		process.get().destroy();
		try {
			process.get().onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping PID " + pid, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The embedded PostgreSQL of an earlier start (PID " + pid + ") still holds "
					+ directory + " and did not stop within " + PATIENCE.toSeconds() + " s: stop it (kill " + pid
					+ ") and start again", ex);
		}
	}

}
