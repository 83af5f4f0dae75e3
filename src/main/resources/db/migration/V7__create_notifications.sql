-- In-app notifications about reviews: one row per recipient. What a row shows (who acted, on which
-- skill, where it leads) is copied in, so the list page needs no joins and survives renames.
create table notification (
    id          bigint generated always as identity primary key,
    user_id     bigint       not null references app_user (id) on delete cascade,
    kind        varchar(30)  not null,
    learner_id  bigint       not null references app_user (id) on delete cascade,
    skill_id    bigint       not null references skill (id),
    actor_name  varchar(80)  not null,
    skill_title varchar(200) not null,
    link        varchar(500) not null,
    created_at  timestamptz  not null default now(),
    read_at     timestamptz,
    constraint notification_kind_known
        check (kind in ('REVIEW_REQUESTED', 'COMMENTED', 'CHANGES_REQUESTED', 'APPROVED')),
    constraint notification_link_local check (link like '/%' and link not like '//%')
);
-- A user's notifications, newest first (also the index of the user_id foreign key).
create index notification_user_idx on notification (user_id, id);
-- The header's unread count.
create index notification_unread_idx on notification (user_id) where read_at is null;
create index notification_learner_idx on notification (learner_id);
create index notification_skill_idx on notification (skill_id);
