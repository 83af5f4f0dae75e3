-- Seeds the benchmark data set, set-based (generate_series), in one transaction.
-- Run as a superuser with: psql -v learners=N -f seed.sql roadmap_bench
-- Expects: Flyway's schema and the roadmap content, and the bench learner
-- (learner@bench.example) already registered through the app, whose bcrypt hash every other
-- bench account shares. The database is recreated for every seed, so this need not be idempotent
-- row by row; it refuses to run twice (the mentor's e-mail is unique).
\set ON_ERROR_STOP on
\timing on

begin;
-- Repeatable pseudo-random data: the same --learners gives the same data set.
select setseed(0.42);
-- The data is consistent by construction; skipping the foreign-key triggers (superuser only)
-- makes 100,000 learners x 42 skills seed several times faster.
set local session_replication_role = replica;
set local synchronous_commit = off;

-- Accounts: the mentor, the admin, and N learners, all with the bench learner's password hash.
insert into app_user (email, display_name, password_hash, created_at)
select v.email, v.name, b.password_hash, now() - interval '400 days'
from app_user b,
     (values ('mentor@bench.example', 'Bench Mentor'), ('admin@bench.example', 'Bench Admin')) v(email, name)
where b.email = 'learner@bench.example';

insert into user_role (user_id, role)
select id, case email when 'mentor@bench.example' then 'MENTOR' else 'ADMIN' end
from app_user where email in ('mentor@bench.example', 'admin@bench.example');

-- Names vary so that sorting by name does real work: 20 first names x 20 surnames x a number.
insert into app_user (email, display_name, password_hash, created_at)
select format('learner%s@bench.example', g),
       (array['Ada','Alan','Barbara','Claude','Dennis','Edsger','Frances','Grace','Hedy','Ivan',
              'John','Katherine','Leslie','Margaret','Niklaus','Ole','Radia','Shafi','Tim','Yukihiro'])[1 + g % 20]
       || ' ' ||
       (array['Lovelace','Turing','Liskov','Shannon','Ritchie','Dijkstra','Allen','Hopper','Lamarr','Sutherland',
              'Backus','Johnson','Lamport','Hamilton','Wirth','Dahl','Perlman','Goldwasser','Berners-Lee','Matsumoto'])[1 + (g / 20) % 20]
       || ' ' || g,
       b.password_hash,
       now() - interval '365 days' - random() * interval '30 days'
from app_user b, generate_series(1, :learners) g
where b.email = 'learner@bench.example';

insert into user_role (user_id, role)
select id, 'LEARNER' from app_user
where email like 'learner%@bench.example' and email <> 'learner@bench.example';

-- Every learner (the bench learner too) with a "diligence" f in [0, 1): how far along they are.
-- The bench learner is fixed at the middle, so its pages show a typical mixture.
create temp table bench_learner on commit drop as
select u.id, row_number() over (order by u.id) as n, u.created_at,
       case when u.email = 'learner@bench.example' then 0.5 else random() end as f
from app_user u
where u.email like 'learner%@bench.example';

-- Cohorts of 500 learners, all mentored by the one bench mentor.
insert into cohort (name, created_at)
select format('Bench cohort %s', c), now() - interval '400 days'
from generate_series(1, (select ceil(count(*) / 500.0)::int from bench_learner)) c;

insert into cohort_mentor (cohort_id, user_id, assigned_at)
select c.id, m.id, c.created_at
from cohort c, app_user m
where c.name like 'Bench cohort %' and m.email = 'mentor@bench.example';

insert into cohort_learner (cohort_id, user_id, enrolled_at)
select c.id, l.id, l.created_at
from bench_learner l
join cohort c on c.name = format('Bench cohort %s', 1 + (l.n - 1) / 500);

-- One row per learner and live skill. random() is drawn here, in a table, so that each row gets
-- its own draws (a volatile call in a join or a CTE can be evaluated fewer times than expected).
create temp table bench_draw on commit drop as
select l.id as user_id, sk.id as skill_id, sk.reviewable, l.f,
       random() as r_status, random() as r_review,
       -- started some time in the last year, finished (if done) between then and now
       now() - random() * interval '365 days' as started_at, random() as r_finish
from bench_learner l
cross join skill sk
join stage st on st.id = sk.stage_id and not st.retired
where not sk.retired;

create temp table bench_status on commit drop as
select d.user_id, d.skill_id, d.reviewable, d.started_at,
       d.started_at + d.r_finish * (now() - d.started_at) as finished_at,
       case when d.r_status < d.f * 0.85 then 'DONE'
            when d.r_status < d.f * 0.85 + 0.08 then 'IN_PROGRESS'
            when d.r_status < d.f * 0.85 + 0.12 then 'SKIPPED'
            else 'NOT_STARTED' end as status,
       d.r_review
from bench_draw d;

-- Reviewable DONE skills: 60 % wait for review (the mentor's queue), 20 % approved, 20 % never asked.
insert into skill_status (user_id, skill_id, status, updated_at, review_state, evidence_url,
                          review_requested_at, reviewed_at, reviewed_by)
select s.user_id, s.skill_id, s.status,
       case s.status when 'DONE' then s.finished_at when 'NOT_STARTED' then l.created_at else s.started_at end,
       case when s.status = 'DONE' and s.reviewable and s.r_review < 0.6 then 'REQUESTED'
            when s.status = 'DONE' and s.reviewable and s.r_review < 0.8 then 'APPROVED'
            else 'NONE' end,
       case when s.status = 'DONE' and s.reviewable and s.r_review < 0.8
            then format('https://github.example/bench/%s/%s', s.user_id, s.skill_id) end,
       case when s.status = 'DONE' and s.reviewable and s.r_review < 0.8 then s.finished_at end,
       case when s.status = 'DONE' and s.reviewable and s.r_review >= 0.6 and s.r_review < 0.8
            then s.finished_at + interval '1 day' end,
       case when s.status = 'DONE' and s.reviewable and s.r_review >= 0.6 and s.r_review < 0.8
            then (select id from app_user where email = 'mentor@bench.example') end
from bench_status s join bench_learner l on l.id = s.user_id;

-- The history: started (NOT_STARTED -> IN_PROGRESS or -> SKIPPED), then finished (-> DONE).
insert into status_event (user_id, skill_id, from_status, to_status, occurred_at)
select user_id, skill_id, 'NOT_STARTED', case status when 'SKIPPED' then 'SKIPPED' else 'IN_PROGRESS' end, started_at
from bench_status where status <> 'NOT_STARTED'
union all
select user_id, skill_id, 'IN_PROGRESS', 'DONE', finished_at
from bench_status where status = 'DONE';

-- Review events: the learner's request, and the mentor's approval.
insert into review_event (user_id, skill_id, actor_id, action, occurred_at)
select user_id, skill_id, user_id, 'REQUESTED', finished_at
from bench_status where status = 'DONE' and reviewable and r_review < 0.8
union all
select s.user_id, s.skill_id, m.id, 'APPROVED', s.finished_at + interval '1 day'
from bench_status s, app_user m
where m.email = 'mentor@bench.example' and s.status = 'DONE' and s.reviewable
  and s.r_review >= 0.6 and s.r_review < 0.8;

-- The mentor page reads each learner's progress from a summary the app keeps on every change;
-- data written with SQL must rebuild it (versions of the app before the summary have no such
-- function, so the same seed serves a "before" run). Then the mentors' totals and the cohorts'
-- learner counts, which triggers keep but which this seed writes with triggers off (V19).
do $$
begin
	if exists (select 1 from pg_proc where proname = 'refresh_learner_progress') then
		perform refresh_learner_progress(null);
	end if;
	if exists (select 1 from pg_proc where proname = 'refresh_mentor_totals') then
		perform refresh_mentor_totals(null);
	end if;
end $$;

-- Records what this database holds, for the report (and for --keep-db).
create table bench_seed (learners integer not null, seeded_at timestamptz not null default now());
insert into bench_seed (learners) values (:learners);
commit;

vacuum analyze;

select (select count(*) from app_user) as users,
       (select count(*) from skill_status) as statuses,
       (select count(*) from status_event) as status_events,
       (select count(*) from skill_status where review_state = 'REQUESTED' and status = 'DONE') as open_reviews;
