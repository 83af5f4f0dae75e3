-- One learner's summary is refreshed in the transaction of each of their status changes, under the
-- skill row's lock, so its cost is paid by every change and by every change queued behind it.
-- refresh_learner_progress takes an array and has to plan each of its statements for the array it
-- is given (force_custom_plan, so that "learners is null or ..." folds away): on the benchmark's
-- machine 2 ms of planning in a 3 ms call.
--
-- What a summary says is now written once, in the view learner_progress_computed, and two functions
-- write from it: refresh_learner_progress (any set of learners, or all of them: the backfill, the
-- rebuild after a content change, seed scripts) and refresh_one_learner_progress (one learner: what
-- the app calls). The second takes the learner as a scalar, so PostgreSQL keeps its plans for the
-- connection, index-driven whatever the number of learners: about 0.5 ms a call, no planning.
--
-- The view reads each learner's statuses in a lateral subquery (one probe of skill_status's primary
-- key per learner), so that a filter on the learner, scalar or array, reaches the statuses; the
-- aggregate without grouping gives one row of zeros to a learner with no statuses.

create view learner_progress_computed as
with live as (
    select sk.id from skill sk join stage st on st.id = sk.stage_id and not st.retired
    where not sk.retired
)
select u.id as user_id, t.total, c.done, c.skipped, c.verified, c.waiting,
    case when t.total = 0 then 0 when t.total = c.skipped then 100
        else c.done * 100 / (t.total - c.skipped) end as percent,
    greatest(
        (select max(e.occurred_at) from status_event e where e.user_id = u.id),
        (select max(r.occurred_at) from review_event r where r.user_id = u.id and r.actor_id = u.id))
        as last_activity_at
from app_user u
cross join (select count(*)::integer as total from live) t
cross join lateral (
    select count(*) filter (where ss.status = 'DONE')::integer as done,
        count(*) filter (where ss.status = 'SKIPPED')::integer as skipped,
        count(*) filter (where ss.status = 'DONE' and ss.review_state = 'APPROVED')::integer as verified,
        count(*) filter (where ss.status = 'DONE' and ss.review_state = 'REQUESTED')::integer as waiting
    from skill_status ss join live on live.id = ss.skill_id
    where ss.user_id = u.id
) c;

create or replace function refresh_learner_progress(learners bigint[]) returns void
language plpgsql set plan_cache_mode = force_custom_plan as $$
begin
    insert into learner_progress (user_id, total, done, skipped, verified, percent)
    select u.id, 0, 0, 0, 0, 0 from app_user u where learners is null or u.id = any (learners)
    on conflict (user_id) do nothing;
    perform 1 from learner_progress where learners is null or user_id = any (learners) order by user_id for update;
    update learner_progress lp
    set total = s.total, done = s.done, skipped = s.skipped, verified = s.verified, waiting = s.waiting,
        percent = s.percent, last_activity_at = s.last_activity_at
    from learner_progress_computed s
    where lp.user_id = s.user_id
        and (learners is null or s.user_id = any (learners))
        and (lp.total, lp.done, lp.skipped, lp.verified, lp.waiting, lp.last_activity_at)
            is distinct from (s.total, s.done, s.skipped, s.verified, s.waiting, s.last_activity_at);
end
$$;

-- The same for one learner; waits for (and then sees) any other transaction refreshing them.
create function refresh_one_learner_progress(learner bigint) returns void
language plpgsql as $$
begin
    insert into learner_progress (user_id, total, done, skipped, verified, percent)
    select u.id, 0, 0, 0, 0, 0 from app_user u where u.id = learner
    on conflict (user_id) do nothing;
    perform 1 from learner_progress where user_id = learner for update;
    update learner_progress lp
    set total = s.total, done = s.done, skipped = s.skipped, verified = s.verified, waiting = s.waiting,
        percent = s.percent, last_activity_at = s.last_activity_at
    from learner_progress_computed s
    where lp.user_id = learner and s.user_id = learner
        and (lp.total, lp.done, lp.skipped, lp.verified, lp.waiting, lp.last_activity_at)
            is distinct from (s.total, s.done, s.skipped, s.verified, s.waiting, s.last_activity_at);
end
$$;
