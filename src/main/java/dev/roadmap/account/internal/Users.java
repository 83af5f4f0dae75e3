package dev.roadmap.account.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The stored user accounts.
 */
public interface Users extends JpaRepository<User, Long> {

	Optional<User> findByEmail(String email);

	boolean existsByEmail(String email);

}
