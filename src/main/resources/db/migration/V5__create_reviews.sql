-- Evidence and review state live beside the status (one row per learner and skill).
alter table skill_status
    add column review_state        varchar(20)   not null default 'NONE',
    add column evidence_url        varchar(2000),
    add column evidence_live_url   varchar(2000),
    add column evidence_note       varchar(2000),
    add column review_requested_at timestamptz,
    add column reviewed_at         timestamptz,
    add column reviewed_by         bigint references app_user (id) on delete set null,
    add constraint skill_status_review_known
        check (review_state in ('NONE', 'REQUESTED', 'CHANGES_REQUESTED', 'APPROVED'));
create index skill_status_reviewed_by_idx on skill_status (reviewed_by);
-- The review queue: open requests, oldest first.
create index skill_status_requested_idx on skill_status (review_requested_at) where review_state = 'REQUESTED';

-- The conversation about one learner's skill: mentors' comments and the learner's replies.
create table review_comment (
    id         bigint generated always as identity primary key,
    user_id    bigint        not null,
    skill_id   bigint        not null,
    author_id  bigint        references app_user (id) on delete set null,
    body       varchar(2000) not null,
    created_at timestamptz   not null default now(),
    constraint review_comment_status_fk foreign key (user_id, skill_id)
        references skill_status (user_id, skill_id) on delete cascade
);
create index review_comment_status_idx on review_comment (user_id, skill_id, created_at);
create index review_comment_author_idx on review_comment (author_id);

-- Every review action appends an event, as every status change does.
create table review_event (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    skill_id    bigint      not null references skill (id),
    actor_id    bigint      references app_user (id) on delete set null,
    action      varchar(20) not null,
    occurred_at timestamptz not null default now(),
    constraint review_event_action_known
        check (action in ('REQUESTED', 'COMMENTED', 'CHANGES_REQUESTED', 'APPROVED'))
);
create index review_event_user_time_idx on review_event (user_id, occurred_at);
create index review_event_skill_idx on review_event (skill_id);
create index review_event_actor_idx on review_event (actor_id);
