-- Coded events. `events` holds one row per distinct real-world event (reports of the same event
-- across articles are linked into one row); `event_mentions` holds each report, with its evidence.
create table if not exists events (
    event_id            varchar primary key,   -- canonical id: the event id of the first mention
    type                varchar not null,      -- one of the 16 PLOVER types
    mode                varchar,
    context             varchar,
    action              varchar,
    actor               varchar,               -- whole noun phrase
    actor_head          varchar,               -- the entity it stands for ("Jabhat al-Nusra")
    actor_country       varchar,               -- ISO 3166 alpha-2
    actor_sector        varchar,
    recipient           varchar,
    recipient_head      varchar,
    recipient_country   varchar,
    recipient_sector    varchar,
    location_name       varchar,
    country_code        varchar,
    admin1              varchar,
    lat                 double,
    lon                 double,
    date                date,
    date_precision      varchar,               -- day | week | month | year
    cameo_root          varchar,               -- lossy projection, '01'..'20'
    confidence          double,
    coder_version       varchar,
    first_article_id    varchar,
    mention_count       integer default 1,
    first_seen_at       timestamptz default current_timestamp,
    updated_at          timestamptz default current_timestamp
);

create table if not exists event_mentions (
    mention_id          varchar primary key,   -- event id of this report (article + sentence + type)
    event_id            varchar not null,      -- the canonical event it reports
    article_id          varchar not null,
    type                varchar not null,
    sentence            varchar not null,
    "start"             integer not null,      -- articles.text[start:end] == sentence (0-based)
    "end"               integer not null,
    status              varchar,               -- asserted | reported | claimed | denied | threatened | planned
    reported_by         varchar,
    date_text           varchar,
    salience            double,
    confidence          double,
    coder_version       varchar,
    run_id              varchar,
    payload             json,                  -- the full coded event as JSON
    coded_at            timestamptz default current_timestamp
);

create index if not exists event_mentions_event on event_mentions (event_id);
create index if not exists event_mentions_article on event_mentions (article_id);
create index if not exists events_date on events (date);
