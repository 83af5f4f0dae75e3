package dev.roadmap.account.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.roadmap.account.AccessToken;
import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import dev.roadmap.account.TokenAuthentication;
import dev.roadmap.account.TokenScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored personal access tokens: a row per token, holding the SHA-256 of the token,
 * never the token.
 */
@Repository
public class AccessTokens {

	/**
	 * How stale a token's "last used" may get: it is written at most once in this long,
	 * so that a script calling the API many times a second does not write on every call.
	 */
	static final String LAST_USED_PRECISION = "1 minute";

	private final JdbcClient jdbc;

	AccessTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long userId, String name, byte[] hash, Set<TokenScope> scopes, Instant createdAt,
			Instant expiresAt) {
		return this.jdbc.sql("""
				insert into access_token (user_id, name, token_hash, scopes, created_at, expires_at)
				values (:user, :name, :hash, :scopes, :createdAt, :expiresAt) returning id""")
			.param("user", userId)
			.param("name", name)
			.param("hash", hash)
			.param("scopes", scopes.stream().map(TokenScope::value).sorted().collect(Collectors.joining(" ")))
			.param("createdAt", timestamp(createdAt))
			.param("expiresAt", timestamp(expiresAt))
			.query(Long.class)
			.single();
	}

	/**
	 * The user's tokens, newest first, at most {@code limit}.
	 */
	public List<AccessToken> of(long userId, int limit) {
		return this.jdbc.sql("""
				select id, name, scopes, created_at, expires_at, last_used_at, revoked_at from access_token
				where user_id = :user order by created_at desc, id desc limit :limit""")
			.param("user", userId)
			.param("limit", limit)
			.query((rs, row) -> new AccessToken(rs.getLong("id"), rs.getString("name"), scopes(rs.getString("scopes")),
					instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
					instant(rs, "revoked_at")))
			.list();
	}

	/**
	 * How many of the user's tokens still act at that time.
	 */
	public int countActive(long userId, Instant now) {
		return this.jdbc.sql("""
				select count(*) from access_token
				where user_id = :user and revoked_at is null and expires_at > :now""")
			.param("user", userId)
			.param("now", timestamp(now))
			.query(Integer.class)
			.single();
	}

	/**
	 * Revokes the user's token, if it is theirs and not revoked yet.
	 * @return whether it was
	 */
	public boolean revoke(long userId, long tokenId, Instant now) {
		return this.jdbc.sql("""
				update access_token set revoked_at = :now
				where id = :id and user_id = :user and revoked_at is null""")
			.param("now", timestamp(now))
			.param("id", tokenId)
			.param("user", userId)
			.update() == 1;
	}

	public void deleteAll(long userId) {
		this.jdbc.sql("delete from access_token where user_id = :user").param("user", userId).update();
	}

	/**
	 * The user a token acts for, as the account is now, if the token is known, neither
	 * revoked nor expired, and its user not deleted; notes the token's use. One
	 * statement, run on every API request.
	 */
	public Optional<TokenAuthentication> authenticate(byte[] hash) {
		return this.jdbc.sql("""
				with token as (
					select id, name, user_id, scopes from access_token
					where token_hash = :hash and revoked_at is null and expires_at > now()
				), touched as (
					update access_token set last_used_at = now()
					where id = (select id from token)
						and (last_used_at is null or last_used_at < now() - cast(:precision as interval))
				)
				select token.id, token.name, token.scopes, u.id as user_id, u.email, u.display_name, u.time_zone,
					(select string_agg(r.role, ' ') from user_role r where r.user_id = u.id) as roles
				from token join app_user u on u.id = token.user_id and u.deleted_at is null""")
			.param("hash", hash)
			.param("precision", LAST_USED_PRECISION)
			.query((rs,
					row) -> new TokenAuthentication(
							new AccountPrincipal(new Account(rs.getLong("user_id"), rs.getString("email"),
									rs.getString("display_name"), roles(rs.getString("roles")),
									rs.getString("time_zone")), null),
							rs.getLong("id"), rs.getString("name"), scopes(rs.getString("scopes"))))
			.optional();
	}

	private static Set<TokenScope> scopes(String scopes) {
		Set<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
		Arrays.stream(scopes.split(" ")).map(TokenScope::of).flatMap(Optional::stream).forEach(parsed::add);
		return parsed;
	}

	private static Set<Role> roles(String roles) {
		Set<Role> parsed = EnumSet.noneOf(Role.class);
		if (roles != null) {
			Arrays.stream(roles.split(" ")).map(Role::valueOf).forEach(parsed::add);
		}
		return parsed;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
