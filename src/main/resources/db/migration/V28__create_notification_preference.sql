-- notification: how a user wants their e-mail. A mentor with review_digest gets one e-mail a day
-- about what waits in their review queue instead of one per request, reply or new iteration.
create table notification_preference (
    user_id       bigint  primary key references app_user (id) on delete cascade,
    review_digest boolean not null default false
);
