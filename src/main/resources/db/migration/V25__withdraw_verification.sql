-- progress: a verified skill the learner moves away from done loses its verification (the
-- approval was for work they no longer claim); the review event records it and the mentors are
-- notified. Done again, the skill waits for a new review instead of being verified silently.
alter table review_event drop constraint review_event_action_known;
alter table review_event add constraint review_event_action_known
    check (action in ('REQUESTED', 'COMMENTED', 'CHANGES_REQUESTED', 'APPROVED', 'UNVERIFIED'));

alter table notification drop constraint notification_kind_known;
alter table notification add constraint notification_kind_known
    check (kind in ('REVIEW_REQUESTED', 'COMMENTED', 'CHANGES_REQUESTED', 'APPROVED', 'UNVERIFIED'));
