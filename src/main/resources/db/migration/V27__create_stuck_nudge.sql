-- mentoring: when each learner was last nudged for looking stuck, so that a learner who stays
-- inactive gets one friendly e-mail, and never more than one a week.
create table stuck_nudge (
    user_id   bigint      primary key references app_user (id) on delete cascade,
    nudged_at timestamptz not null
);
