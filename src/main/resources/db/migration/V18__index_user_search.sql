-- The admin user search matches '%…%' anywhere in the e-mail address or the lower-cased name:
-- trigram indexes answer that (pg_trgm ships with PostgreSQL's contrib, in Debian's packages and
-- in the embedded binaries alike, and is a trusted extension, so a database owner may create it).
create extension if not exists pg_trgm;
create index app_user_email_trgm_idx on app_user using gin (email gin_trgm_ops);
create index app_user_name_trgm_idx on app_user using gin (lower(display_name) gin_trgm_ops);
