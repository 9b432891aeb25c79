-- Every fetch that did not give a usable page, with its status or reason: failed fetches, and pages
-- whose body could not be cleaned (unusable) or needed a guess (clean_notes, e.g. a decoding fallback).
create or replace view page_errors as
with pages as (
    select source, url, status, reason, clean_status, clean_reason, clean_notes, content_type, location,
           fetched_at
    from raw_pages
),

final as (
    select * from pages
    where reason is not null or status is null or status >= 300
       or clean_status in ('unusable', 'error') or clean_notes is not null
)

select * from final order by source, url;
