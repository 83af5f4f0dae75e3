-- Failed logins, counted per account and per client address, so that login throttling holds
-- across instances. One row per key, updated with an upsert. The key is the SHA-256 of the
-- lower-cased e-mail address as typed (whether or not it has an account) or of the client
-- address: what people type into the e-mail field (sometimes their password) is never stored.
create table login_attempt (
    kind         varchar(10) not null,
    key_hash     bytea       not null,
    failures     integer     not null,
    window_start timestamptz not null,
    locked_until timestamptz,
    constraint login_attempt_pkey primary key (kind, key_hash),
    constraint login_attempt_kind check (kind in ('ACCOUNT', 'ADDRESS')),
    constraint login_attempt_key_hash_sha256 check (octet_length(key_hash) = 32),
    constraint login_attempt_failures_positive check (failures >= 0)
);
-- The clean-up deletes rows whose window and lock are over.
create index login_attempt_window_start_idx on login_attempt (window_start);
