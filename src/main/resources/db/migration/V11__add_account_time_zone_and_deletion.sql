-- Each user's time zone (an IANA zone id such as Europe/Paris), for showing times; UTC until they
-- choose. A deleted account keeps its row, anonymised, so that what others' records point at stays;
-- deleted_at says when it was deleted.
alter table app_user
    add column time_zone  varchar(64) not null default 'UTC',
    add column deleted_at timestamptz;
