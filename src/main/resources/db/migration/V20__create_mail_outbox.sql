-- E-mails waiting to be sent (the notification module's outbox). A row is written in the same
-- transaction as what the mail is about, so a mail is never lost (a restart, a crash, a mail
-- server that is down) and never sent for something that was rolled back. A worker on any
-- instance claims due rows (for update skip locked), pushing next_attempt_at ahead as a lease,
-- sends them, and deletes each one sent; a failure is retried later and later, and after the
-- last try the row is kept a week with failed_at set.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    failed_at       timestamptz,
    constraint mail_outbox_attempts_not_negative check (attempts >= 0)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where failed_at is null;
