package dev.roadmap.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.roadmap.shared.PageOf;
import dev.roadmap.test.Learners;
import dev.roadmap.test.RoadmapIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Searching accounts and changing their roles, on PostgreSQL. The database is shared with
 * other tests, so searches use a token unique to the test and the last-admin rule is
 * tested against whatever admins exist.
 */
@RoadmapIntegrationTest
class AccountServiceIntegrationTests {

	@Autowired
	AccountService accounts;

	@Autowired
	Learners learners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void searchListsTheSameUsersInTheSameOrderAsAPlainScanOfEveryUser() {
		String token = UUID.randomUUID().toString().substring(0, 8);
		for (String name : List.of("Zoë " + token, "ada " + token, "Ada " + token, "Ada " + token, "bob")) {
			this.accounts.createIfAbsent("order-" + UUID.randomUUID() + "-" + token + "@example.com", name,
					Learners.PASSWORD, EnumSet.of(Role.LEARNER));
		}
		for (String term : List.of(token, token.substring(2, 6).toUpperCase(), "", "a")) {
			String pattern = "%" + term.toLowerCase() + "%";
			List<Long> expected = this.jdbc.sql("""
					select id from app_user where email like :pattern or lower(display_name) like :pattern
					order by lower(display_name), email, id limit 60""")
				.param("pattern", pattern)
				.query(Long.class)
				.list();
			List<Long> actual = new ArrayList<>();
			for (int page = 1; page <= 3; page++) {
				PageOf<Account> result = this.accounts.search(term, page, 20);
				if (result.number() == page) {
					result.items().forEach((account) -> actual.add(account.id()));
				}
			}
			assertThat(actual).as("search for '%s'", term).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aSearchThatManyUsersMatchListsThemInTheSameOrderAsAPlainScan() {
		String token = token();
		int many = AccountService.FEW_MATCHES + 30;
		// Inserted directly: a thousand sign-ups would hash a thousand passwords.
		this.jdbc.sql("""
				insert into app_user (email, display_name, password_hash)
				select 'many-' || n || '-' || :token || '@example.com',
					(array['Ada', 'ada', 'Zoë', 'Bob'])[n % 4 + 1] || ' ' || :token, 'not-a-hash'
				from generate_series(1, :many) n""").param("token", token).param("many", many).update();
		try {
			String pattern = "%" + token + "%";
			List<Long> expected = this.jdbc.sql("""
					select id from app_user where email like :pattern or lower(display_name) like :pattern
					order by lower(display_name), email, id""").param("pattern", pattern).query(Long.class).list();
			int size = 100;
			int last = (many + size - 1) / size;
			for (int page : List.of(1, 2, last)) {
				PageOf<Account> result = this.accounts.search(token, page, size);
				assertThat(result.total()).isEqualTo(many);
				assertThat(result.items()).extracting(Account::id)
					.as("page %d of a search %d users match", page, many)
					.containsExactlyElementsOf(expected.subList((page - 1) * size, Math.min(many, page * size)));
			}
		}
		finally {
			this.jdbc.sql("delete from app_user where email like :pattern")
				.param("pattern", "many-%-" + token + "@example.com")
				.update();
		}
	}

	@Test
	void searchFindsUsersByAnyPartOfTheirEmailOrDisplayNameIgnoringCase() {
		String token = token();
		Account byName = create("Grace " + token + " Hopper", "grace-" + UUID.randomUUID() + "@example.com");
		Account byEmail = create("Someone Else", "x-" + token + "@example.com");
		create("Not Matching", Learners.uniqueEmail());

		PageOf<Account> page = this.accounts.search("  " + token.toUpperCase() + " ", 1, 20);

		assertThat(page.items()).extracting(Account::id).containsExactly(byName.id(), byEmail.id());
		assertThat(page.total()).isEqualTo(2);
		assertThat(this.accounts.search("hopper", 1, 1000).items()).extracting(Account::id).contains(byName.id());
		assertThat(page.items().get(0).roles()).containsExactly(Role.LEARNER);
	}

	@Test
	void searchGivesPagesOfTheAskedSizeCountingEveryMatch() {
		String token = token();
		for (int i = 0; i < 25; i++) {
			create(String.format("Paged %s %02d", token, i), Learners.uniqueEmail());
		}

		PageOf<Account> first = this.accounts.search(token, 1, 20);
		PageOf<Account> second = this.accounts.search(token, 2, 20);

		assertThat(first.items()).hasSize(20);
		assertThat(first.items().get(0).displayName()).isEqualTo("Paged " + token + " 00");
		assertThat(first.total()).isEqualTo(25);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.hasNext()).isTrue();
		assertThat(second.items()).extracting(Account::displayName)
			.containsExactly("Paged " + token + " 20", "Paged " + token + " 21", "Paged " + token + " 22",
					"Paged " + token + " 23", "Paged " + token + " 24");
		assertThat(second.hasPrevious()).isTrue();
		assertThat(second.hasNext()).isFalse();
	}

	@Test
	void pagesOutOfRangeGiveTheNearestPage() {
		String token = token();
		create("Only " + token, Learners.uniqueEmail());

		assertThat(this.accounts.search(token, 99, 20).number()).isEqualTo(1);
		assertThat(this.accounts.search(token, -3, 20).number()).isEqualTo(1);
		assertThat(this.accounts.search(token, 99, 20).items()).hasSize(1);
	}

	@Test
	void searchWithoutMatchesIsOneEmptyPage() {
		PageOf<Account> page = this.accounts.search("no-such-user-" + UUID.randomUUID(), 1, 20);

		assertThat(page.items()).isEmpty();
		assertThat(page.total()).isZero();
		assertThat(page.pages()).isEqualTo(1);
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void searchTreatsLikeWildcardsAsPlainCharacters() {
		String token = token();
		Account percent = create("Rate 100%_" + token, Learners.uniqueEmail());
		create("Rate 100ab" + token, Learners.uniqueEmail());
		create("Bang !" + token, Learners.uniqueEmail());

		assertThat(this.accounts.search("100%_" + token, 1, 20).items()).extracting(Account::id)
			.containsExactly(percent.id());
		assertThat(this.accounts.search("!" + token, 1, 20).items()).hasSize(1);
		assertThat(this.accounts.search("%", 1, 20).total()).isLessThan(this.accounts.search("", 1, 20).total());
	}

	@Test
	void changeRolesGivesExactlyTheChosenRolesAndReportsBeforeAndAfter() {
		AccountPrincipal user = this.learners.aLearner();

		RoleChange change = this.accounts.changeRoles(user.id(), EnumSet.of(Role.MENTOR, Role.ADMIN));

		assertThat(change.changed()).isTrue();
		assertThat(change.before()).containsExactly(Role.LEARNER);
		assertThat(change.after()).containsExactlyInAnyOrder(Role.MENTOR, Role.ADMIN);
		assertThat(this.accounts.findById(user.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.MENTOR,
				Role.ADMIN);
	}

	@Test
	void changeRolesToTheRolesAUserHasChangesNothing() {
		AccountPrincipal user = this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR));

		RoleChange change = this.accounts.changeRoles(user.id(), EnumSet.of(Role.MENTOR, Role.LEARNER));

		assertThat(change.changed()).isFalse();
		assertThat(this.accounts.findById(user.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.LEARNER,
				Role.MENTOR);
	}

	@Test
	void everyUserKeepsAtLeastOneRole() {
		AccountPrincipal user = this.learners.aLearner();

		assertThatThrownBy(() -> this.accounts.changeRoles(user.id(), Set.of())).isInstanceOfSatisfying(
				RoleChangeException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(RoleChangeException.Reason.NO_ROLES));
		assertThatThrownBy(() -> this.accounts.changeRoles(user.id(), null)).isInstanceOf(RoleChangeException.class);
		assertThat(this.accounts.findById(user.id()).orElseThrow().roles()).containsExactly(Role.LEARNER);
	}

	@Test
	void changingTheRolesOfAnUnknownUserIsRefused() {
		assertThatThrownBy(() -> this.accounts.changeRoles(Long.MAX_VALUE, EnumSet.of(Role.LEARNER)))
			.isInstanceOfSatisfying(RoleChangeException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(RoleChangeException.Reason.NO_SUCH_USER));
		assertThatThrownBy(() -> this.accounts.changeRoles(Long.MAX_VALUE, EnumSet.of(Role.ADMIN)))
			.isInstanceOf(RoleChangeException.class);
	}

	@Test
	void anAdminMayLoseTheAdminRoleWhileAnotherAdminRemains() {
		AccountPrincipal admin = this.learners.withRoles(EnumSet.of(Role.ADMIN));
		this.learners.withRoles(EnumSet.of(Role.ADMIN));

		RoleChange change = this.accounts.changeRoles(admin.id(), EnumSet.of(Role.LEARNER));

		assertThat(change.after()).containsExactly(Role.LEARNER);
		assertThat(this.accounts.findById(admin.id()).orElseThrow().roles()).containsExactly(Role.LEARNER);
	}

	@Test
	void theLastAdminCannotLoseTheAdminRole() {
		AccountPrincipal admin = this.learners.withRoles(EnumSet.of(Role.ADMIN, Role.LEARNER));
		long admins = this.accounts.counts().admins();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		// Other tests' admins exist: take their admin role away inside a transaction that
		// is rolled back, so this admin is the last one only here.
		transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from user_role where role = 'ADMIN' and user_id <> :id")
				.param("id", admin.id())
				.update();

			assertThatThrownBy(() -> this.accounts.changeRoles(admin.id(), EnumSet.of(Role.LEARNER)))
				.isInstanceOfSatisfying(RoleChangeException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(RoleChangeException.Reason.LAST_ADMIN));
			assertThat(rolesOf(admin.id())).containsExactlyInAnyOrder("ADMIN", "LEARNER");
			// Changes that keep the admin role are fine.
			assertThat(this.accounts.changeRoles(admin.id(), EnumSet.of(Role.ADMIN, Role.MENTOR)).changed()).isTrue();
			status.setRollbackOnly();
		});

		assertThat(this.accounts.counts().admins()).as("nothing was committed").isEqualTo(admins);
		assertThat(rolesOf(admin.id())).containsExactlyInAnyOrder("ADMIN", "LEARNER");
	}

	@Test
	void twoAdminsRemovingEachOthersAdminRoleAtOnceLeaveOneAdmin() throws Exception {
		AccountPrincipal first = this.learners.withRoles(EnumSet.of(Role.ADMIN, Role.LEARNER));
		AccountPrincipal second = this.learners.withRoles(EnumSet.of(Role.ADMIN, Role.LEARNER));
		// For the race to matter these two must be the only admins, for real (committed),
		// while it runs; the other tests' admins get their role back afterwards.
		List<Long> others = this.jdbc
			.sql("select user_id from user_role where role = 'ADMIN' and user_id not in (:first, :second)")
			.param("first", first.id())
			.param("second", second.id())
			.query(Long.class)
			.list();
		this.jdbc.sql("delete from user_role where role = 'ADMIN' and user_id in (:others)")
			.param("others", others.isEmpty() ? List.of(-1L) : others)
			.update();
		try {
			TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
			CompletableFuture<RoleChange> secondDemotion = new CompletableFuture<>();
			transaction.executeWithoutResult((status) -> {
				// The first demotion is made but not committed yet...
				this.accounts.changeRoles(first.id(), EnumSet.of(Role.LEARNER));
				// ...when the second one starts: it must wait for the first to end.
				CompletableFuture.runAsync(() -> {
					try {
						secondDemotion.complete(transaction
							.execute((inner) -> this.accounts.changeRoles(second.id(), EnumSet.of(Role.LEARNER))));
					}
					catch (RuntimeException ex) {
						secondDemotion.completeExceptionally(ex);
					}
				});
				await().atMost(Duration.ofSeconds(10)).until(this::someoneWaitsForALock);
				assertThat(secondDemotion).isNotDone();
			});

			assertThatThrownBy(() -> secondDemotion.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOfSatisfying(RoleChangeException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(RoleChangeException.Reason.LAST_ADMIN));
			assertThat(rolesOf(first.id())).containsExactly("LEARNER");
			assertThat(rolesOf(second.id())).containsExactlyInAnyOrder("ADMIN", "LEARNER");
		}
		finally {
			for (long other : others) {
				this.jdbc.sql("insert into user_role (user_id, role) values (:id, 'ADMIN') on conflict do nothing")
					.param("id", other)
					.update();
			}
		}
	}

	@Test
	void countsTellHowManyUsersHoldEachRole() {
		AccountCounts before = this.accounts.counts();
		this.learners.withRoles(EnumSet.of(Role.LEARNER, Role.MENTOR));

		AccountCounts after = this.accounts.counts();

		assertThat(after.users()).isEqualTo(before.users() + 1);
		assertThat(after.learners()).isEqualTo(before.learners() + 1);
		assertThat(after.mentors()).isEqualTo(before.mentors() + 1);
		assertThat(after.admins()).isEqualTo(before.admins());
	}

	private boolean someoneWaitsForALock() {
		return this.jdbc.sql(
				"select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
			.query(Long.class)
			.single() > 0;
	}

	private List<String> rolesOf(long userId) {
		return this.jdbc.sql("select role from user_role where user_id = :id")
			.param("id", userId)
			.query(String.class)
			.list();
	}

	private Account create(String displayName, String email) {
		return this.accounts.createIfAbsent(email, displayName, Learners.PASSWORD, EnumSet.of(Role.LEARNER))
			.orElseThrow();
	}

	private static String token() {
		return "tok" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
