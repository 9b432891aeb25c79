-- Derived state over many rows (duplicate links, the search index, learned boilerplate) is marked
-- stale in the same transaction that changes articles, and brought up to date by the next run that
-- finishes, whatever it fetched: a kill between the two never leaves it behind for good.
create table if not exists derived_state (
    name         varchar primary key,        -- duplicates | search | boilerplate:<source>
    stale_since  timestamptz not null
);

-- Block keys of each article's paragraphs BEFORE any clutter filtering: per-site boilerplate is
-- learned from these, never from the cleaned text (which no longer holds the blocks it learned).
alter table articles add column if not exists block_keys varchar[];

-- The event the article is about (its events[0]), linked to the canonical events row.
alter table articles add column if not exists main_event_id varchar;
