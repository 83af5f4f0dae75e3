-- progress.review: every submission of evidence is an iteration (Exercism's word), numbered from 1
-- per learner and skill and never changed once written, so a mentor sees what changed between two
-- and the learner keeps the whole history. skill_status keeps the current one's evidence (and its
-- number) as before, so the pages that show only the current state read what they read; a
-- decision names the iteration it was made on and is refused if a newer one came in.
create table review_iteration (
    user_id           bigint        not null,
    skill_id          bigint        not null,
    number            integer       not null,
    evidence_url      varchar(2000),
    evidence_live_url varchar(2000),
    evidence_note     varchar(2000),
    submitted_at      timestamptz   not null,
    primary key (user_id, skill_id, number),
    constraint review_iteration_number_positive check (number > 0),
    constraint review_iteration_status_fk foreign key (user_id, skill_id)
        references skill_status (user_id, skill_id) on delete cascade
);

-- 0: no evidence was ever submitted.
alter table skill_status add column review_iteration integer not null default 0;
-- The iteration that was current when the message was written.
alter table review_comment add column iteration integer not null default 0;

-- What was submitted before iterations existed is iteration 1, its conversation too.
insert into review_iteration (user_id, skill_id, number, evidence_url, evidence_live_url, evidence_note,
    submitted_at)
select user_id, skill_id, 1, evidence_url, evidence_live_url, evidence_note,
    coalesce(review_requested_at, updated_at)
from skill_status where review_state <> 'NONE' or evidence_url is not null;
update skill_status set review_iteration = 1 where review_state <> 'NONE' or evidence_url is not null;
update review_comment set iteration = 1;

-- A new iteration of a request that is already waiting is an event of its own.
alter table review_event drop constraint review_event_action_known;
alter table review_event add constraint review_event_action_known
    check (action in ('REQUESTED', 'RESUBMITTED', 'COMMENTED', 'CHANGES_REQUESTED', 'APPROVED', 'UNVERIFIED'));

alter table notification drop constraint notification_kind_known;
alter table notification add constraint notification_kind_known
    check (kind in ('REVIEW_REQUESTED', 'RESUBMITTED', 'COMMENTED', 'CHANGES_REQUESTED', 'APPROVED',
        'UNVERIFIED'));
