-- The audit log also records what mentors do through the API (by token): the review actions.
alter table audit_log drop constraint audit_log_action_known;
alter table audit_log add constraint audit_log_action_known check (action in ('ROLES_CHANGED', 'COHORT_CREATED',
    'COHORT_RENAMED', 'COHORT_ARCHIVED', 'COHORT_RESTORED', 'LEARNER_ENROLLED', 'LEARNER_UNENROLLED',
    'MENTOR_ASSIGNED', 'MENTOR_UNASSIGNED', 'API_REVIEW_CLAIMED', 'API_REVIEW_RELEASED', 'API_REVIEW_APPROVED',
    'API_CHANGES_REQUESTED', 'API_REVIEW_COMMENTED'));
