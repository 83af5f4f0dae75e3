-- When each scheduled job may next run, shared by every instance: the instance whose upsert moves
-- next_run_at forward runs the job, the others skip that round, so a job runs once per interval
-- however many instances there are.
create table scheduled_job (
    name        text        primary key,
    next_run_at timestamptz not null
);
