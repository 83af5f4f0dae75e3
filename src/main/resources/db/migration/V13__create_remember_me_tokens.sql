-- "Keep me logged in": one row per browser (series). The cookie carries the series and a random
-- token; only the token's SHA-256 is stored, so a copy of this table logs nobody in. The token
-- changes at every use; the previous hash is kept for a few seconds so that two requests sent at
-- once with the same cookie are not mistaken for a stolen cookie.
create table remember_me_token (
    series              varchar(64) not null,
    user_id             bigint      not null references app_user (id) on delete cascade,
    token_hash          bytea       not null,
    previous_token_hash bytea,
    rotated_at          timestamptz,
    created_at          timestamptz not null,
    last_used_at        timestamptz not null,
    expires_at          timestamptz not null,
    constraint remember_me_token_pkey primary key (series),
    constraint remember_me_token_hash_sha256 check (octet_length(token_hash) = 32)
);
create index remember_me_token_user_idx on remember_me_token (user_id);
create index remember_me_token_expires_idx on remember_me_token (expires_at);
