-- The totals the mentor page shows (how many learners a mentor has, in all their active cohorts
-- or in one, and how many review requests wait for them), kept exact on every write instead of
-- counted per request: counting 100,000 memberships or 76,000 waiting requests cost 50-200 ms a
-- page, the rows of the page itself about 1 ms (docs/mentor-page-plans.md).
--
-- They are kept by triggers, not by the services, because the writes that move them are spread
-- over three modules and over SQL outside the app: memberships and archiving (mentoring), review
-- requests, decisions and status changes (progress, through its per-learner summary), retired
-- content (the summary's rebuild after a migrate), account deletion, tests and seed scripts that
-- write with SQL. A trigger sees every one of them, set-based, in the writing transaction; the
-- services would each need a call, an event or a rebuild hook of their own. A seed that turns
-- triggers off (session_replication_role = replica) calls refresh_mentor_totals(null) at the end.
--
-- Locks, always in this order, so that a total never misses a concurrent write (READ COMMITTED):
-- a learner's summary row (learner_progress), then cohort rows, then the mentors' totals rows.
-- A mentor's totals are recomputed only after locking their row, in a later statement (a fresh
-- snapshot), and a change of one learner's waiting count is added as a delta by an UPDATE, which
-- re-reads the row it waited for: so recomputations and deltas commute.

-- progress: the learner's waiting review requests on live skills (done, review requested), what
-- the queue shows of them; refresh_learner_progress keeps it with the rest of the summary.
alter table learner_progress add column waiting integer not null default 0;
alter table learner_progress add constraint learner_progress_waiting_check check (waiting >= 0);

create or replace function refresh_learner_progress(learners bigint[]) returns void
language plpgsql set plan_cache_mode = force_custom_plan as $$
begin
    insert into learner_progress (user_id, total, done, skipped, verified, percent)
    select u.id, 0, 0, 0, 0, 0 from app_user u where learners is null or u.id = any (learners)
    on conflict (user_id) do nothing;
    perform 1 from learner_progress where learners is null or user_id = any (learners) order by user_id for update;
    with live as (
        select sk.id from skill sk join stage st on st.id = sk.stage_id and not st.retired
        where not sk.retired
    ),
    counted as (
        select ss.user_id,
            count(*) filter (where ss.status = 'DONE') as done,
            count(*) filter (where ss.status = 'SKIPPED') as skipped,
            count(*) filter (where ss.status = 'DONE' and ss.review_state = 'APPROVED') as verified,
            count(*) filter (where ss.status = 'DONE' and ss.review_state = 'REQUESTED') as waiting
        from skill_status ss join live on live.id = ss.skill_id
        where learners is null or ss.user_id = any (learners)
        group by ss.user_id
    ),
    activity as (
        select e.user_id, max(e.occurred_at) as last from (
            select user_id, occurred_at from status_event where learners is null or user_id = any (learners)
            union all
            select user_id, occurred_at from review_event
            where actor_id = user_id and (learners is null or user_id = any (learners))
        ) e
        group by e.user_id
    ),
    summary as (
        select u.id as user_id, t.total, coalesce(c.done, 0) as done, coalesce(c.skipped, 0) as skipped,
            coalesce(c.verified, 0) as verified, coalesce(c.waiting, 0) as waiting, a.last
        from app_user u
        cross join (select count(*)::integer as total from live) t
        left join counted c on c.user_id = u.id
        left join activity a on a.user_id = u.id
        where learners is null or u.id = any (learners)
    )
    update learner_progress lp
    set total = s.total, done = s.done, skipped = s.skipped, verified = s.verified, waiting = s.waiting,
        percent = case when s.total = 0 then 0 when s.total = s.skipped then 100
            else s.done * 100 / (s.total - s.skipped) end,
        last_activity_at = s.last
    from summary s
    where lp.user_id = s.user_id
        and (lp.total, lp.done, lp.skipped, lp.verified, lp.waiting, lp.last_activity_at)
            is distinct from (s.total, s.done, s.skipped, s.verified, s.waiting, s.last);
end
$$;

update learner_progress lp set waiting = w.waiting
from (
    select ss.user_id, count(*)::integer as waiting from skill_status ss
    join skill sk on sk.id = ss.skill_id and not sk.retired
    join stage st on st.id = sk.stage_id and not st.retired
    where ss.review_state = 'REQUESTED' and ss.status = 'DONE'
    group by ss.user_id
) w
where lp.user_id = w.user_id;

-- mentoring: each cohort's number of learners (the admin's list, and a mentor's page with one
-- cohort chosen: minus one when the mentor is a learner of it too).
alter table cohort add column learners integer not null default 0;
alter table cohort add constraint cohort_learners_check check (learners >= 0);
update cohort c set learners = (select count(*) from cohort_learner cl where cl.cohort_id = c.id);

-- mentoring: per mentor, their distinct learners over their active cohorts (never themselves)
-- and the waiting requests of those learners: the mentor page's total and the queue's.
create table mentor_totals (
    mentor_id bigint  not null references app_user (id) on delete cascade,
    learners  integer not null,
    waiting   integer not null,
    constraint mentor_totals_pkey primary key (mentor_id),
    constraint mentor_totals_learners_check check (learners >= 0),
    constraint mentor_totals_waiting_check check (waiting >= 0)
);

-- Recomputes the given mentors' totals from the memberships and the learners' summaries (every
-- mentor's, and every cohort's learner count too, when null: the backfill, and what a seed script
-- calls after writing with triggers off). Locks the mentors' rows first and reads in a later
-- statement, like refresh_learner_progress. Custom plans: "mentors is null or ..." folds away.
create function refresh_mentor_totals(mentors bigint[]) returns void
language plpgsql set plan_cache_mode = force_custom_plan as $$
begin
    if mentors is null then
        perform 1 from cohort order by id for no key update;
        update cohort c set learners = n.learners
        from (select c2.id, (select count(*) from cohort_learner cl where cl.cohort_id = c2.id)::integer as learners
              from cohort c2) n
        where c.id = n.id and c.learners <> n.learners;
    end if;
    -- Only existing users: within an account's hard delete the cascade reaches here for them.
    insert into mentor_totals (mentor_id, learners, waiting)
    select u.id, 0, 0 from app_user u
    where (mentors is null and exists (select 1 from cohort_mentor cm where cm.user_id = u.id))
        or u.id = any (mentors)
    on conflict (mentor_id) do nothing;
    perform 1 from mentor_totals where mentors is null or mentor_id = any (mentors) order by mentor_id for update;
    with mentored as (
        select distinct cm.user_id as mentor_id, cl.user_id as learner_id
        from cohort_mentor cm
        join cohort c on c.id = cm.cohort_id and not c.archived
        join cohort_learner cl on cl.cohort_id = cm.cohort_id and cl.user_id <> cm.user_id
        where mentors is null or cm.user_id = any (mentors)
    ),
    counted as (
        select m.mentor_id, count(*)::integer as learners, coalesce(sum(lp.waiting), 0)::integer as waiting
        from mentored m left join learner_progress lp on lp.user_id = m.learner_id
        group by m.mentor_id
    )
    update mentor_totals mt set learners = coalesce(c.learners, 0), waiting = coalesce(c.waiting, 0)
    from mentor_totals m2 left join counted c on c.mentor_id = m2.mentor_id
    where mt.mentor_id = m2.mentor_id and (mentors is null or m2.mentor_id = any (mentors))
        and (mt.learners, mt.waiting) is distinct from (coalesce(c.learners, 0), coalesce(c.waiting, 0));
end
$$;

select refresh_mentor_totals(null);

-- Learners enrolled or unenrolled (one statement's rows, as "changed"): each cohort's count moves
-- by the rows, and the cohorts' mentors are recomputed. The learners' summary rows are locked
-- first, so that a concurrent change of their waiting count is either seen here or sees the new
-- membership (learner_waiting_changed). Memberships are inserted and deleted, never moved: an
-- update (of enrolled_at) changes no total.
create function cohort_learners_changed() returns trigger
language plpgsql as $$
declare
    direction integer := case tg_op when 'INSERT' then 1 else -1 end;
begin
    perform 1 from learner_progress where user_id in (select user_id from changed) order by user_id for share;
    perform 1 from cohort where id in (select cohort_id from changed) order by id for no key update;
    update cohort c set learners = c.learners + direction * n.members
    from (select cohort_id, count(*)::integer as members from changed group by cohort_id) n
    where c.id = n.cohort_id;
    perform refresh_mentor_totals(array(
        select distinct cm.user_id from cohort_mentor cm join cohort c on c.id = cm.cohort_id and not c.archived
        where cm.cohort_id in (select cohort_id from changed)));
    return null;
end
$$;

create trigger cohort_learner_added after insert on cohort_learner
    referencing new table as changed for each statement execute function cohort_learners_changed();
create trigger cohort_learner_removed after delete on cohort_learner
    referencing old table as changed for each statement execute function cohort_learners_changed();

-- Mentors assigned or unassigned: they are recomputed, after locking their cohorts (which a
-- concurrent change of a learner's waiting count locks to share).
create function cohort_mentors_changed() returns trigger
language plpgsql as $$
begin
    perform 1 from cohort where id in (select cohort_id from changed) order by id for no key update;
    perform refresh_mentor_totals(array(select distinct user_id from changed));
    return null;
end
$$;

create trigger cohort_mentor_added after insert on cohort_mentor
    referencing new table as changed for each statement execute function cohort_mentors_changed();
create trigger cohort_mentor_removed after delete on cohort_mentor
    referencing old table as changed for each statement execute function cohort_mentors_changed();

-- A cohort archived or restored (its row is locked by the update): its mentors are recomputed.
create function cohort_archived_changed() returns trigger
language plpgsql as $$
begin
    perform refresh_mentor_totals(array(select user_id from cohort_mentor where cohort_id = new.id));
    return null;
end
$$;

create trigger cohort_archived after update of archived on cohort
    for each row when (old.archived is distinct from new.archived) execute function cohort_archived_changed();

-- Learners' waiting counts changed (refresh_learner_progress, which holds their summary rows):
-- the change is added to each of their mentors' totals. Their cohorts are locked to share first,
-- every one of them, archived too, so that no membership or archiving of those cohorts changes
-- who their mentors are until this transaction ends.
create function learner_waiting_changed() returns trigger
language plpgsql as $$
declare
    changed bigint[];
    changes integer[];
    mentors bigint[];
    deltas integer[];
begin
    select array_agg(n.user_id order by n.user_id), array_agg(n.waiting - o.waiting order by n.user_id)
    into changed, changes
    from new_rows n join old_rows o on o.user_id = n.user_id
    where n.waiting <> o.waiting;
    if changed is null then
        return null;
    end if;
    perform 1 from cohort where id in (select cl.cohort_id from cohort_learner cl where cl.user_id = any (changed))
    order by id for share;
    select array_agg(t.mentor_id order by t.mentor_id), array_agg(t.delta order by t.mentor_id)
    into mentors, deltas
    from (
        select m.mentor_id, sum(l.change)::integer as delta
        from (
            select distinct cm.user_id as mentor_id, cl.user_id as learner_id
            from cohort_learner cl
            join cohort c on c.id = cl.cohort_id and not c.archived
            join cohort_mentor cm on cm.cohort_id = cl.cohort_id and cm.user_id <> cl.user_id
            where cl.user_id = any (changed)
        ) m
        join unnest(changed, changes) as l(user_id, change) on l.user_id = m.learner_id
        group by m.mentor_id
    ) t
    where t.delta <> 0;
    if mentors is null then
        return null;
    end if;
    perform 1 from mentor_totals where mentor_id = any (mentors) order by mentor_id for update;
    update mentor_totals mt set waiting = mt.waiting + d.delta
    from unnest(mentors, deltas) as d(mentor_id, delta)
    where mt.mentor_id = d.mentor_id;
    return null;
end
$$;

create trigger learner_progress_waiting after update on learner_progress
    referencing old table as old_rows new table as new_rows
    for each statement execute function learner_waiting_changed();
