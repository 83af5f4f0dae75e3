-- api: the answers to API writes sent with an Idempotency-Key, kept for a day, so that a retried
-- request (a timeout, a lost connection) gets the first answer again instead of acting twice. A row
-- without a status is a request still running.
create table api_idempotency_key (
    token_id        bigint       not null references access_token (id) on delete cascade,
    idempotency_key varchar(255) not null,
    fingerprint     bytea        not null,
    status          integer,
    content_type    varchar(100),
    body            text,
    created_at      timestamptz  not null,
    constraint api_idempotency_key_pkey primary key (token_id, idempotency_key)
);
create index api_idempotency_key_created_idx on api_idempotency_key (token_id, created_at);
