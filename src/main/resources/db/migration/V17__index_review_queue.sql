-- The review queue walks the waiting requests oldest first, in the page's order.
create index skill_status_waiting_idx on skill_status (review_requested_at, user_id, skill_id)
    where review_state = 'REQUESTED' and status = 'DONE';
drop index skill_status_requested_idx;
