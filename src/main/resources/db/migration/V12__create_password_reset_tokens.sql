-- Password reset links. Only the SHA-256 hash (hex) of a token is stored: the token itself exists
-- only in the e-mail. A token is good once, for 30 minutes after created_at.
create table password_reset_token (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    token_hash char(64)    not null,
    created_at timestamptz not null default now(),
    used_at    timestamptz,
    constraint password_reset_token_hash_key unique (token_hash)
);
-- A user's recent requests (the per-address limit), also the index of the user_id foreign key.
create index password_reset_token_user_idx on password_reset_token (user_id, created_at);
