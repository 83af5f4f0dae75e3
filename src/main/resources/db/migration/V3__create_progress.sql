-- One row per learner and skill, written as an upsert; every change also appends an event.
create table skill_status (
    user_id    bigint      not null references app_user (id) on delete cascade,
    skill_id   bigint      not null references skill (id),
    status     varchar(16) not null,
    updated_at timestamptz not null default now(),
    constraint skill_status_pkey primary key (user_id, skill_id),
    constraint skill_status_known check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'SKIPPED'))
);
create index skill_status_skill_idx on skill_status (skill_id);

create table status_event (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    skill_id    bigint      not null references skill (id),
    from_status varchar(16) not null,
    to_status   varchar(16) not null,
    occurred_at timestamptz not null default now(),
    constraint status_event_from_known check (from_status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'SKIPPED')),
    constraint status_event_to_known check (to_status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'SKIPPED'))
);
create index status_event_user_time_idx on status_event (user_id, occurred_at);
create index status_event_skill_idx on status_event (skill_id);
