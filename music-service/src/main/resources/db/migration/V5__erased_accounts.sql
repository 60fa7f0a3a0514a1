-- Accounts whose catalogue was erased (UserDeleted). An upload that was still streaming when
-- the erasure ran checks here before it records its track, under the same per-artist lock,
-- so that nothing of an erased account reappears. Only the id is kept.
create table erased_account (
    owner_id  uuid        primary key,
    erased_at timestamptz not null
);
