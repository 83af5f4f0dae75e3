-- The public progress page, /u/{handle}: off until the user turns it on. The handle is the page's
-- address, lower-case letters, digits and hyphens; it stays the user's while the page is off, so
-- turning the page on again gives the same address. The unique constraint is also the index that
-- looks a handle up.
alter table app_user
    add column public_handle varchar(30),
    add column public_page   boolean not null default false,
    add constraint app_user_public_handle_key unique (public_handle),
    add constraint app_user_public_handle_format check (public_handle ~ '^[a-z0-9-]{3,30}$'),
    add constraint app_user_public_page_has_handle check (not public_page or public_handle is not null);
