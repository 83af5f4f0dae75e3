-- mentoring: the published mentor_learner read model (V22) also names the cohort, so that the
-- review queue (progress) can say which of the mentor's cohorts a waiting learner is in without
-- reading mentoring's cohort table. A column added at the end: readers of the view are unchanged.
create or replace view mentor_learner as
    select cm.user_id as mentor_id, cl.user_id as learner_id, cl.cohort_id, cl.enrolled_at, c.name as cohort_name
    from cohort_mentor cm
    join cohort c on c.id = cm.cohort_id and not c.archived
    join cohort_learner cl on cl.cohort_id = cm.cohort_id;
