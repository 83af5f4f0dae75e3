package dev.roadmap.mentoring.internal;

import java.io.Serializable;

import dev.roadmap.shared.AlwaysInserted;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

/**
 * A user's place in a cohort, as a learner or a mentor: one row per cohort and user, the
 * user referred to by id (their account belongs to the account module).
 * <p>
 * A membership is only ever added as a new entity, whose insert skips a row that exists
 * ({@code on conflict do nothing}): adding someone twice changes nothing, even when two
 * admins add them at once (the second insert waits for the first and then skips), and
 * adding reads nothing first. Removing is a JPQL delete in the repositories.
 */
@MappedSuperclass
@IdClass(CohortMembership.Key.class)
public abstract class CohortMembership extends AlwaysInserted<CohortMembership.Key> {

	@Id
	private long cohortId;

	@Id
	private long userId;

	protected CohortMembership() {
	}

	protected CohortMembership(long cohortId, long userId) {
		this.cohortId = cohortId;
		this.userId = userId;
	}

	@Override
	public Key getId() {
		return new Key(this.cohortId, this.userId);
	}

	/**
	 * A membership's id: the cohort and the user.
	 */
	public record Key(long cohortId, long userId) implements Serializable {
	}

}
