-- Published read models: what a module's SQL may read of another module's data, instead of its
-- tables (ModuleTablesTests checks that Java SQL names no other module's table). Each view belongs
-- to the module named before it, which keeps it true when its tables change. The other published
-- read models are tables kept by triggers: learner_progress (progress, V16) and mentor_totals
-- (mentoring, V19).

-- roadmap: every skill ever loaded with its stage, and whether it left the roadmap (the skill, or
-- its whole stage). Ids stay stable across content edits, so statuses keep pointing at them.
create view roadmap_skill as
    select sk.id as skill_id, sk.slug as skill_slug, sk.title as skill_title, sk.position as skill_position,
        st.id as stage_id, st.slug as stage_slug, st.position as stage_position,
        sk.retired as skill_retired, sk.retired or st.retired as retired
    from skill sk
    join stage st on st.id = sk.stage_id;

-- account: the name each user is shown by, and the address mentors and admins see beside it.
create view user_directory as
    select id as user_id, display_name, email
    from app_user;

-- mentoring: who mentors whom, through which cohort; archived cohorts mentor no one.
create view mentor_learner as
    select cm.user_id as mentor_id, cl.user_id as learner_id, cl.cohort_id, cl.enrolled_at
    from cohort_mentor cm
    join cohort c on c.id = cm.cohort_id and not c.archived
    join cohort_learner cl on cl.cohort_id = cm.cohort_id;

-- progress: each learner's done and skipped skills per stage of the current roadmap (stages with
-- neither have no row; the number of skills per stage is the roadmap's).
create view learner_stage_counts as
    select ss.user_id, rs.stage_id,
        count(*) filter (where ss.status = 'DONE') as done,
        count(*) filter (where ss.status = 'SKIPPED') as skipped
    from skill_status ss
    join roadmap_skill rs on rs.skill_id = ss.skill_id and not rs.retired
    group by ss.user_id, rs.stage_id;
