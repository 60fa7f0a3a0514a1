-- How much of a payout's transfer Stripe reversed so far (transfer.reversed reports the running total).
alter table payout add column reversed_minor bigint not null default 0 check (reversed_minor >= 0);
