-- Each learner's progress over the current roadmap (non-retired skills of non-retired stages) and
-- their last activity, kept up to date in the transaction of every change (owned by `progress`,
-- read by `mentoring` as progress's published read model), so the mentor page sorts and pages
-- 100,000 learners through an index instead of aggregating millions of status rows per request.
create table learner_progress (
    user_id          bigint      not null references app_user (id) on delete cascade,
    total            integer     not null,
    done             integer     not null,
    skipped          integer     not null,
    verified         integer     not null,
    percent          integer     not null,
    -- the latest status change or own review action; null when there is none
    last_activity_at timestamptz,
    constraint learner_progress_pkey primary key (user_id)
);
-- One index per sort order of the mentor page (ties broken by ascending id).
create index learner_progress_percent_idx on learner_progress (percent, user_id);
create index learner_progress_percent_desc_idx on learner_progress (percent desc, user_id);
create index learner_progress_activity_idx on learner_progress (last_activity_at, user_id);
create index learner_progress_activity_desc_idx on learner_progress (last_activity_at desc, user_id);
create index learner_progress_inactive_idx on learner_progress (user_id) where last_activity_at is null;

-- Which content the summary was last computed for: a hash of the ids of the live skills.
create table learner_progress_content (
    id        integer not null,
    signature text    not null,
    constraint learner_progress_content_pkey primary key (id),
    constraint learner_progress_content_single check (id = 1)
);

-- Recomputes the summary of the given users (every user when null) from their statuses and events,
-- exactly as the mentor page used to aggregate them. It locks the users' rows first and reads in a
-- later statement (a fresh snapshot under READ COMMITTED), so two transactions refreshing the same
-- learner run one after the other and the second sees what the first committed. Also what a seed
-- script calls after inserting statuses with SQL: `select refresh_learner_progress(null)`.
-- Custom plans, so that "learners is null or ..." folds away and one learner's refresh uses the indexes.
create function refresh_learner_progress(learners bigint[]) returns void
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
            count(*) filter (where ss.status = 'DONE' and ss.review_state = 'APPROVED') as verified
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
            coalesce(c.verified, 0) as verified, a.last
        from app_user u
        cross join (select count(*)::integer as total from live) t
        left join counted c on c.user_id = u.id
        left join activity a on a.user_id = u.id
        where learners is null or u.id = any (learners)
    )
    update learner_progress lp
    set total = s.total, done = s.done, skipped = s.skipped, verified = s.verified,
        percent = case when s.total = 0 then 0 when s.total = s.skipped then 100
            else s.done * 100 / (s.total - s.skipped) end,
        last_activity_at = s.last
    from summary s
    where lp.user_id = s.user_id
        and (lp.total, lp.done, lp.skipped, lp.verified, lp.last_activity_at)
            is distinct from (s.total, s.done, s.skipped, s.verified, s.last);
end
$$;

-- A hash of the live skills: when a redeploy retires or adds skills, it changes.
create function learner_progress_content_signature() returns text
language sql stable as $$
    select md5(coalesce(string_agg(sk.id::text, ',' order by sk.id), ''))
    from skill sk join stage st on st.id = sk.stage_id and not st.retired
    where not sk.retired
$$;

-- Rebuilds every learner's summary when the content changed since the last rebuild; runs after each
-- Flyway migrate (a callback in `progress`), after the content migration, under an advisory lock, so
-- one instance rebuilds and the others then find the summary current.
create function sync_learner_progress() returns boolean
language plpgsql as $$
declare
    current_signature text;
begin
    perform pg_advisory_xact_lock(hashtext('learner_progress'));
    current_signature := learner_progress_content_signature();
    if exists (select 1 from learner_progress_content where id = 1 and signature = current_signature) then
        return false;
    end if;
    perform refresh_learner_progress(null);
    insert into learner_progress_content (id, signature) values (1, current_signature)
    on conflict (id) do update set signature = excluded.signature;
    return true;
end
$$;

-- Backfill for existing data.
select sync_learner_progress();

-- The mentor page's name order.
create index app_user_name_idx on app_user (lower(display_name), id);
create index app_user_name_desc_idx on app_user (lower(display_name) desc, id);
