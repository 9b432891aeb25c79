-- WARC files imported by `newsdesk import-warc` (stages/backfill.py): how far each import got, so a
-- killed import resumes at the first record it had not stored. Imported pages point into these files
-- (raw_pages.warc_file holds the absolute path); nothing is copied.
create table if not exists warc_imports (
    path         varchar not null,
    source       varchar not null,
    next_offset  bigint not null,
    updated_at   timestamptz default current_timestamp,
    primary key (path, source)
);
