-- Core tables: sources, runs, raw pages (bodies kept for reprocessing) and clean articles.
create table if not exists sources (
    name        varchar primary key,
    config      json,
    first_seen  timestamptz default current_timestamp,
    last_seen   timestamptz default current_timestamp
);

create table if not exists runs (
    run_id        varchar primary key,
    flow_run_id   varchar,
    command       varchar,
    status        varchar not null,          -- running | finished | failed | interrupted
    started_at    timestamptz not null,
    finished_at   timestamptz,
    error         varchar,
    summary       json
);

create table if not exists run_sources (
    run_id            varchar not null,
    source            varchar not null,
    pages_fetched     integer default 0,     -- responses with a body or a status
    pages_failed      integer default 0,     -- errors, 4xx/5xx, robots, non-html
    pages_unchanged   integer default 0,     -- 304 or skipped by lastmod
    articles_seen     integer default 0,     -- pages clean() turned into an article
    articles_new      integer default 0,     -- rows added to articles
    pages_skipped     integer default 0,     -- html pages that are not articles
    errors            json,                  -- [{url, status, reason}]
    primary key (run_id, source)
);

create table if not exists raw_pages (
    page_id          varchar primary key,    -- stable hash of url
    url              varchar not null unique,
    source           varchar not null,
    via              varchar,
    final_url        varchar,
    status           integer,
    reason           varchar,                -- why the page is unusable (null when fine)
    content_type     varchar,
    etag             varchar,
    last_modified    varchar,
    sitemap_lastmod  varchar,
    location         varchar,
    body             blob,
    body_hash        varchar,
    fetched_at       timestamptz,
    first_seen_at    timestamptz,
    run_id           varchar,
    clean_status     varchar,                -- article | skipped | error | pending
    clean_version    varchar
);

create table if not exists articles (
    article_id         varchar primary key,  -- stable hash of canonical_url
    canonical_url      varchar not null unique,
    url                varchar not null,
    page_id            varchar,
    source             varchar not null,
    title              varchar,
    author             varchar,              -- authors joined with '; '
    authors            varchar[],
    published          varchar,              -- ISO 8601 as the page states it (offset kept)
    published_at       timestamptz,          -- the same, as a timestamp for range queries
    updated            varchar,
    language           varchar,
    site_name          varchar,
    section            varchar,
    categories         varchar[],
    description        varchar,
    lead_image         varchar,
    access             varchar,              -- free | paywalled | truncated | unknown
    text               varchar,
    word_count         integer,
    content_hash       varchar,
    duplicate_of       varchar,              -- article_id of the first-seen copy
    extractor_version  varchar,
    run_id             varchar,
    first_seen_at      timestamptz,
    updated_at         timestamptz
);

create table if not exists site_boilerplate (
    source       varchar not null,
    block_hash   varchar not null,
    pages        integer,
    learned_at   timestamptz,
    primary key (source, block_hash)
);
