create table registration_log (
    user_id uuid not null,
    email   text not null
);

create table unique_thing (
    name text not null unique
);
