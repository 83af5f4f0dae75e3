package dev.roadmap.account.core;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.roadmap.account.PublicProfile;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The stored user accounts.
 */
public interface Users extends JpaRepository<User, Long> {

	Optional<User> findByEmail(String email);

	boolean existsByEmail(String email);

	/**
	 * The ids of the users whose e-mail address or lower-cased name is like the pattern
	 * (a lower-cased LIKE pattern escaped with {@code !}), ordered by name, for a pattern
	 * that few users match: the matches are found first (trigram indexes) and then
	 * sorted. Walking the name index instead, which the planner may prefer since it
	 * cannot tell how rare a match is (a prepared statement's generic plan does not even
	 * see the pattern), reads every user.
	 */
	@Query(value = """
			with matching as materialized (
				select id, lower(display_name) as name, email from app_user
				where email like :pattern escape '!' or lower(display_name) like :pattern escape '!'
			)
			select id from matching order by name, email, id""", nativeQuery = true)
	List<Long> searchFewIds(String pattern, Pageable page);

	/**
	 * The same, for a pattern that many users match: the name index is walked in order
	 * until the page is full, which takes a few rows when matches are common, where
	 * sorting them all took 60 ms at 100,000 users.
	 */
	@Query(value = """
			select id from app_user
			where email like :pattern escape '!' or lower(display_name) like :pattern escape '!'
			order by lower(display_name), email, id""", nativeQuery = true)
	List<Long> searchManyIds(String pattern, Pageable page);

	/**
	 * The ids of all users, ordered by name (read from the name index).
	 */
	@Query("select u.id from User u order by lower(u.displayName), u.email, u.id")
	List<Long> allIds(Pageable page);

	@Query("""
			select count(u) from User u
			where u.email like :pattern escape '!' or lower(u.displayName) like :pattern escape '!'""")
	long countMatching(String pattern);

	/**
	 * The users with these ids and their roles, in one statement.
	 */
	@Query("select distinct u from User u left join fetch u.roles where u.id in :ids")
	List<User> findAllWithRoles(Collection<Long> ids);

	/**
	 * Locks the user's row ({@code select ... for update}) until the transaction ends.
	 * @return the id, or empty if there is no such user
	 */
	@Query(value = "select u.id from app_user u where u.id = :id for update", nativeQuery = true)
	Optional<Long> lockById(long id);

	/**
	 * Locks the user's row and the rows of every admin, always in id order so that two
	 * transactions taking these locks never deadlock. Whoever may remove an admin role
	 * takes these locks first: two admins demoting each other then run one after the
	 * other, and the second sees the first's change.
	 */
	@Query(value = """
			select u.id from app_user u
			where u.id = :id or exists (select 1 from user_role r where r.user_id = u.id and r.role = 'ADMIN')
			order by u.id
			for update""", nativeQuery = true)
	List<Long> lockWithAdmins(long id);

	@Query(value = "select count(*) from user_role where role = 'ADMIN' and user_id <> :id", nativeQuery = true)
	long countAdminsOtherThan(long id);

	@Query(value = "select role, count(*) from user_role group by role", nativeQuery = true)
	List<Object[]> countByRole();

	/**
	 * The public profile of the user whose public page is on under the handle: one
	 * statement, without the roles a whole user brings.
	 */
	@Query("""
			select new dev.roadmap.account.PublicProfile(u.id, u.publicHandle, u.displayName) from User u
			where u.publicHandle = :handle and u.publicPage = true and u.deletedAt is null""")
	Optional<PublicProfile> findPublicProfile(String handle);

	boolean existsByPublicHandleAndIdNot(String publicHandle, Long id);

}
