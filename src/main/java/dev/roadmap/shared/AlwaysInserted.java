package dev.roadmap.shared;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity that is only ever saved as a new row (its insert an upsert), never read
 * first: with an id of its own making, Spring Data would otherwise merge it, which reads
 * the row before writing. It is new until it is stored or loaded.
 *
 * @param <K> the id
 */
@MappedSuperclass
public abstract class AlwaysInserted<K> implements Persistable<K> {

	@Transient
	private boolean stored;

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.stored = true;
	}

}
