package dev.roadmap.shared;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a scheduled job once per interval however many instances ask: each instance's
 * scheduler asks for the round, and only the one whose upsert of {@code scheduled_job}
 * moves the job's next run forward gets it.
 */
public final class ScheduledRounds {

	private ScheduledRounds() {
	}

	/**
	 * One upsert: the round is the caller's if the job was never run or its next run is
	 * due; the next run is set a tenth of the interval early, to absorb the schedulers'
	 * drift.
	 * @return whether the caller got the round
	 */
	public static boolean claim(JdbcClient jdbc, String job, Duration interval) {
		Duration wait = interval.minus(interval.dividedBy(10));
		return jdbc
			.sql("""
					insert into scheduled_job as job (name, next_run_at) values (:name, now() + make_interval(secs => :wait))
					on conflict (name) do update set next_run_at = now() + make_interval(secs => :wait)
					where job.next_run_at <= now()
					returning name""")
			.param("name", job)
			.param("wait", wait.toMillis() / 1000.0)
			.query(String.class)
			.optional()
			.isPresent();
	}

}
