package dev.roadmap.system;

import java.time.Duration;
import java.time.Instant;

import dev.roadmap.system.QuietSessionRepository.QuietSession;
import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a stored session needs writing: when anything in it changed, or when its last
 * access time lags more than a minute behind.
 */
class QuietSessionRepositoryTests {

	private final Instant lastSaved = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void aRequestThatOnlyReadsTheSessionLeavesItUnwritten() {
		QuietSession session = stored();
		session.getAttribute("SPRING_SECURITY_CONTEXT");
		session.removeAttribute("absent");
		session.setMaxInactiveInterval(Duration.ofHours(8));
		session.setLastAccessedTime(this.lastSaved.plusSeconds(59));

		assertThat(session.changed()).isFalse();
	}

	@Test
	void aSessionIsTouchedOnceItsAccessTimeLagsMoreThanAMinute() {
		QuietSession session = stored();
		session.setLastAccessedTime(this.lastSaved.plus(QuietSessionRepository.TOUCH_INTERVAL).plusSeconds(1));

		assertThat(session.changed()).isTrue();
		session.saved();
		assertThat(session.changed()).isFalse();
	}

	@Test
	void anyChangeOfItsContentIsWritten() {
		QuietSession set = stored();
		set.setAttribute("flash", "saved");
		QuietSession removed = stored();
		removed.removeAttribute("present");
		QuietSession renamed = stored();
		renamed.changeSessionId();
		QuietSession longer = stored();
		longer.setMaxInactiveInterval(Duration.ofDays(1));

		assertThat(set.changed()).isTrue();
		assertThat(removed.changed()).isTrue();
		assertThat(renamed.changed()).isTrue();
		assertThat(longer.changed()).isTrue();
	}

	@Test
	void aNewSessionIsWritten() {
		MapSession fresh = new MapSession();

		assertThat(new QuietSession(fresh, true).changed()).isTrue();
	}

	private QuietSession stored() {
		MapSession stored = new MapSession();
		stored.setMaxInactiveInterval(Duration.ofHours(8));
		stored.setLastAccessedTime(this.lastSaved);
		stored.setAttribute("present", "yes");
		return new QuietSession(stored, false);
	}

}
