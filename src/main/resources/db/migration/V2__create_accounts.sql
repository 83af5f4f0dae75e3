create table app_user (
    id            bigint generated always as identity primary key,
    email         varchar(254) not null,
    display_name  varchar(80)  not null,
    password_hash varchar(500) not null,
    created_at    timestamptz  not null default now(),
    -- e-mail addresses are stored lower-cased, so this constraint is case-insensitive
    constraint app_user_email_key unique (email),
    constraint app_user_email_lower check (email = lower(email))
);

create table user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(20) not null,
    constraint user_role_pkey primary key (user_id, role),
    constraint user_role_known check (role in ('LEARNER', 'MENTOR', 'ADMIN'))
);
