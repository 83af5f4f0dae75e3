-- account: personal access tokens for the JSON API. Only the SHA-256 of a token is stored
-- (the token is shown once, when it is made); a token acts for its user within its scopes
-- until it expires (at most a year after it was made) or is revoked.
create table access_token (
    id           bigint       generated always as identity primary key,
    user_id      bigint       not null references app_user (id) on delete cascade,
    name         varchar(80)  not null,
    token_hash   bytea        not null,
    scopes       varchar(200) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint access_token_hash_unique unique (token_hash),
    constraint access_token_hash_sha256 check (octet_length(token_hash) = 32),
    constraint access_token_expiry check (expires_at > created_at and expires_at <= created_at + interval '366 days')
);
create index access_token_user_idx on access_token (user_id, created_at desc);
