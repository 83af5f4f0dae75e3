-- What admins did, append-only. Who and what are copied into the row when it is written, so an
-- entry keeps saying what happened even after a user or cohort is renamed or removed; the ids
-- link to what still exists.
create table audit_log (
    id                  bigint generated always as identity primary key,
    occurred_at         timestamptz  not null default now(),
    actor_id            bigint       references app_user (id) on delete set null,
    actor_name          varchar(80)  not null,
    actor_email         varchar(254) not null,
    action              varchar(40)  not null,
    target_user_id      bigint       references app_user (id) on delete set null,
    target_user_label   varchar(400),
    target_cohort_id    bigint       references cohort (id) on delete set null,
    target_cohort_label varchar(100),
    before_value        text,
    after_value         text,
    constraint audit_log_action_known check (action in ('ROLES_CHANGED', 'COHORT_CREATED', 'COHORT_RENAMED',
        'COHORT_ARCHIVED', 'COHORT_RESTORED', 'LEARNER_ENROLLED', 'LEARNER_UNENROLLED', 'MENTOR_ASSIGNED',
        'MENTOR_UNASSIGNED'))
);
-- The audit page: newest first.
create index audit_log_time_idx on audit_log (occurred_at desc, id desc);
create index audit_log_actor_idx on audit_log (actor_id);
create index audit_log_target_user_idx on audit_log (target_user_id);
create index audit_log_target_cohort_idx on audit_log (target_cohort_id);
