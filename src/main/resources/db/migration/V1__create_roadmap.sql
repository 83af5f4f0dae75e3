-- The roadmap content: stages and skills are loaded from roadmap/backend.yaml by a repeatable
-- Java migration. Slugs are permanent; a stage or skill removed from the file is retired, not deleted.
create table stage (
    id          bigint generated always as identity primary key,
    slug        varchar(60)  not null,
    position    integer      not null,
    title       varchar(200) not null,
    summary     text         not null,
    explanation text         not null,
    retired     boolean      not null default false,
    constraint stage_slug_key unique (slug)
);

create table skill (
    id          bigint generated always as identity primary key,
    stage_id    bigint       not null references stage (id),
    slug        varchar(60)  not null,
    position    integer      not null,
    title       varchar(200) not null,
    description text         not null,
    reviewable  boolean      not null default false,
    retired     boolean      not null default false,
    -- also serves as the index of the stage_id foreign key
    constraint skill_stage_slug_key unique (stage_id, slug)
);

create table skill_resource (
    id       bigint generated always as identity primary key,
    skill_id bigint        not null references skill (id) on delete cascade,
    position integer       not null,
    title    varchar(200)  not null,
    url      varchar(2000) not null,
    constraint skill_resource_position_key unique (skill_id, position)
);
