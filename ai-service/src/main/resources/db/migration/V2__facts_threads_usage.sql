-- The artist's fact sheet, kept from events only. A fact's id is stable (track:<id>:integrated_lufs) so
-- that an answer can cite it; of two events about one fact, the later observation holds.
create table fact (
    owner_id uuid not null,
    fact_id text not null,
    label text not null,
    value text not null,
    -- The number behind the value, for the grounding check; null for words.
    numeric_value double precision,
    unit text,
    observed_at timestamptz not null,
    primary key (owner_id, fact_id)
);

-- A conversation about the artist's own data; its messages are kept until the artist or their account goes.
create table thread (
    id uuid primary key,
    owner_id uuid not null,
    title text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index thread_owner on thread (owner_id, updated_at desc);

create table thread_message (
    id uuid primary key,
    thread_id uuid not null references thread (id) on delete cascade,
    role text not null check (role in ('user', 'assistant')),
    content text not null,
    fact_ids text[] not null default '{}',
    -- Whether the grounding check removed a sentence citing a number not in the facts.
    ungrounded_removed boolean not null default false,
    created_at timestamptz not null
);
create index thread_message_thread on thread_message (thread_id, created_at);

-- Every call to a provider: what it cost, for the daily budget and the bill.
create table provider_call (
    id uuid primary key,
    owner_id uuid not null,
    purpose text not null,
    provider text not null,
    model text not null,
    prompt_tokens integer not null,
    completion_tokens integer not null,
    cost_usd numeric(12, 6) not null,
    called_at timestamptz not null
);
create index provider_call_owner_day on provider_call (owner_id, called_at);
