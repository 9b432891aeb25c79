-- Raw bodies live in gzipped WARC files beside the warehouse (stages/warc.py), not in the database:
-- raw_pages keeps the file name, offset and length of each page's response record.
alter table raw_pages add column if not exists warc_file varchar;
alter table raw_pages add column if not exists warc_offset bigint;
alter table raw_pages add column if not exists warc_length bigint;

-- How many bytes of each WARC file a transaction committed: anything past that (a run killed between
-- writing records and storing their rows) is cut off before the next ingest.
create table if not exists warc_files (
    name             varchar primary key,
    committed_bytes  bigint not null,
    updated_at       timestamptz default current_timestamp
);

-- Bodies stored by earlier versions stay in `body` until the next run moves them into a WARC file
-- (stages.warc via stages.ingest.archive_stored_bodies), batch by batch, each batch in one transaction
-- with its pointers; `body` is then null everywhere.
