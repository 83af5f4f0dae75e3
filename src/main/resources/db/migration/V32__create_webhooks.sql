-- Webhooks (the notification module's). An admin registers an endpoint for the whole site or one
-- cohort, with the events it wants; its secret signs every delivery (Standard Webhooks), so it is
-- kept as given, not hashed. An event becomes one delivery row per matching endpoint in the same
-- transaction as what it is about: a delivery is never lost (a restart, a crash, a receiver that is
-- down) and never sent for something rolled back. Workers on any instance claim due rows (for update
-- skip locked, pushing next_attempt_at ahead as a lease) and send them outside any transaction.
create table webhook_endpoint (
    id                   bigint generated always as identity primary key,
    url                  varchar(2000) not null,
    description          varchar(200)  not null default '',
    cohort_id            bigint        references cohort (id) on delete cascade,
    events               text[]        not null,
    secret               varchar(100)  not null,
    active               boolean       not null default true,
    created_at           timestamptz   not null default now(),
    -- Consecutive failed tries and how long the endpoint rests after them: one receiver that is
    -- down gets one try at a time, further and further apart, not one per waiting delivery.
    consecutive_failures integer       not null default 0,
    paused_until         timestamptz,
    constraint webhook_endpoint_events_known check (events <@ array['review.requested', 'review.commented',
        'review.decided', 'skill.status_changed', 'learner.stuck']::text[] and cardinality(events) > 0)
);
create index webhook_endpoint_cohort_idx on webhook_endpoint (cohort_id);

create table webhook_delivery (
    id                bigint generated always as identity primary key,
    endpoint_id       bigint       not null references webhook_endpoint (id) on delete cascade,
    event_type        varchar(40)  not null,
    -- The body exactly as signed and sent, every try.
    payload           text         not null,
    created_at        timestamptz  not null default now(),
    state             varchar(10)  not null default 'PENDING',
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null default now(),
    last_attempt_at   timestamptz,
    last_status       integer,
    last_duration_ms  integer,
    last_error        text,
    delivered_at      timestamptz,
    constraint webhook_delivery_state_known check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint webhook_delivery_attempts_not_negative check (attempts >= 0)
);
-- The workers' due rows, oldest first.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state = 'PENDING';
-- An endpoint's delivery log, newest first.
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, id desc);

-- Mentoring publishes who is enrolled in which active cohort, for the notification module to route
-- a learner's events to their cohorts' endpoints.
create view cohort_enrolment as
select l.cohort_id, l.user_id as learner_id
from cohort_learner l join cohort c on c.id = l.cohort_id and not c.archived;
