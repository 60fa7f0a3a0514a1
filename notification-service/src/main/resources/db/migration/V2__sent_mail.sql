-- One row per mail the SMTP server accepted, keyed by the event that asked for it, so that
-- an event seen again is not mailed again. Deliberately without the token, the address or
-- the body: a record that the mail went out, not a copy of it.
create table sent_mail (
    event_id     uuid        primary key,
    kind         text        not null check (kind in ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    recipient_id uuid        not null,
    sent_at      timestamptz not null
);
