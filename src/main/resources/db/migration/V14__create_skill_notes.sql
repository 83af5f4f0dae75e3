-- A learner's private notes on a skill, in Markdown. Only the learner ever sees them.
create table skill_note (
    user_id    bigint       not null references app_user (id) on delete cascade,
    skill_id   bigint       not null references skill (id),
    body       varchar(10000) not null,
    updated_at timestamptz  not null default now(),
    constraint skill_note_pkey primary key (user_id, skill_id)
);
create index skill_note_skill_idx on skill_note (skill_id);
