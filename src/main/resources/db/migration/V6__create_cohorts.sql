create table cohort (
    id         bigint generated always as identity primary key,
    name       varchar(100) not null,
    archived   boolean      not null default false,
    created_at timestamptz  not null default now(),
    constraint cohort_name_key unique (name)
);

create table cohort_learner (
    cohort_id   bigint      not null references cohort (id),
    user_id     bigint      not null references app_user (id) on delete cascade,
    enrolled_at timestamptz not null default now(),
    constraint cohort_learner_pkey primary key (cohort_id, user_id)
);
create index cohort_learner_user_idx on cohort_learner (user_id);

create table cohort_mentor (
    cohort_id   bigint      not null references cohort (id),
    user_id     bigint      not null references app_user (id) on delete cascade,
    assigned_at timestamptz not null default now(),
    constraint cohort_mentor_pkey primary key (cohort_id, user_id)
);
create index cohort_mentor_user_idx on cohort_mentor (user_id);

-- A mentor claims a review request before reviewing it; a claim untouched for 30 minutes lapses.
create table review_claim (
    user_id    bigint      not null,
    skill_id   bigint      not null,
    mentor_id  bigint      not null references app_user (id) on delete cascade,
    claimed_at timestamptz not null default now(),
    touched_at timestamptz not null default now(),
    constraint review_claim_pkey primary key (user_id, skill_id),
    constraint review_claim_status_fk foreign key (user_id, skill_id)
        references skill_status (user_id, skill_id) on delete cascade
);
create index review_claim_mentor_idx on review_claim (mentor_id);
