-- A status change writes status and updated_at. status was in the waiting index's predicate,
-- and PostgreSQL updates a row in place (HOT, no new index entries) only when no index names a
-- column the update writes, predicates included: every change wrote a new entry in each of the
-- table's four indexes, and a skill changed many times in a row left a trail of dead entries
-- that its next lock walked until vacuum ran. The index now keeps the requests (review_state
-- alone, which a status change leaves); the queue still asks for status = 'DONE' and checks it
-- on the row it reads anyway. A request whose skill is no longer done is rare: the index
-- holds those few extra rows.
drop index skill_status_waiting_idx;
create index skill_status_waiting_idx on skill_status (review_requested_at, user_id, skill_id)
    where review_state = 'REQUESTED';

-- Room on each page for the next version of its rows, so the in-place update finds space
-- beside the row (new pages only; the existing ones as they are rewritten).
alter table skill_status set (fillfactor = 90);
