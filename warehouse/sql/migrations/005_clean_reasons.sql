-- What cleaning made of each fetched page, beyond clean_status (article | skipped | unusable | error):
-- clean_reason says why there is no article (binary content, empty body, too large, only N words...),
-- clean_notes what had to be guessed on a page that was cleaned (a decoding fallback). page_errors
-- lists the unusable pages and the guessed ones.
alter table raw_pages add column if not exists clean_reason varchar;
alter table raw_pages add column if not exists clean_notes varchar;

-- How sure clean() is that the page is an article (0..1): doubtful pages are kept and flagged, not dropped.
alter table articles add column if not exists page_kind_confidence double;
