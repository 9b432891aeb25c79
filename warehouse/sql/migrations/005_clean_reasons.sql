-- Why a fetched page gave no article (binary content, empty body, no article text...) and what had to
-- be guessed on one that did (a decoding fallback): page_errors lists the unusable ones.
alter table raw_pages add column if not exists clean_reason varchar;

-- How sure clean() is that the page is an article (0..1): doubtful pages are kept and flagged, not dropped.
alter table articles add column if not exists page_kind_confidence double;
