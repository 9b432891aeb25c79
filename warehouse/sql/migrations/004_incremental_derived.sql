-- Derived state that costs what changed, not what is stored (issue 13).
--
-- derived_pending: articles whose duplicate links or search entries must be redone, written in the
-- same transaction as the article rows (warehouse.articles.upsert_articles) and removed in the one that
-- writes the new state, so a kill in between leaves the rows for the next run.
create table if not exists derived_pending (
    name        varchar not null,            -- duplicates | search
    article_id  varchar not null,
    since       timestamptz not null,
    primary key (name, article_id)
);

-- Each article's MinHash signature (128 uint32 values, little-endian) and the content hash it was
-- made from; article_bands holds one LSH key per band, so candidates are found with an equi-join.
-- No primary keys on these per-article tables: rows are always deleted before they are written again,
-- and DuckDB rewrites a table's whole ART index at every checkpoint, a cost that grows with the archive.
create table if not exists article_sketches (
    article_id    varchar not null,
    content_hash  varchar,
    signature     blob                       -- null: text too short, matched by content hash only
);
create table if not exists article_bands (
    article_id  varchar not null,
    band        tinyint not null,
    key         bigint not null
);

-- The BM25 index kept row by row (see warehouse/search.py): one row per article and one per
-- (article, term) with its frequency; the English stopwords of DuckDB's fts extension (copied in by
-- the first index update, warehouse.search.ensure_stopwords).
create sequence if not exists search_docid_seq;
create table if not exists search_docs (
    docid       bigint not null default nextval('search_docid_seq'),
    article_id  varchar not null,
    len         integer not null
);
create table if not exists search_terms (
    docid  bigint not null,
    term   varchar not null,
    tf     integer not null
);
create table if not exists search_stopwords (sw varchar primary key);

-- Existing warehouses: every stored article gets its signature and search entry from the next run,
-- and the snapshot index of earlier versions goes.
insert into derived_pending
select n.name, a.article_id, current_timestamp
from articles a cross join (values ('duplicates'), ('search')) n(name)
where not exists (select 1 from derived_pending p where p.name = n.name and p.article_id = a.article_id);
delete from derived_state where name in ('duplicates', 'search');
drop schema if exists fts_main_articles cascade;

