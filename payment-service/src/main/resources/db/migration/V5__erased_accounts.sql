-- Accounts erased on user.UserDeleted (ADR 37): money that reaches them afterwards (a late report, a
-- payout Stripe refused) is booked as unclaimed instead of to a balance nobody can pay out.
create table erased_account (
    user_id   uuid        primary key,
    erased_at timestamptz not null
);
