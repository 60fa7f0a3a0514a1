create table dated_thing (
    day date not null
);
