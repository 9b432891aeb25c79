-- Every fetch that did not give a usable page, with its status or reason.
create or replace view page_errors as
with pages as (
    select source, url, status, reason, content_type, location, fetched_at from raw_pages
),

final as (
    select * from pages
    where reason is not null or status is null or status >= 300
)

select * from final order by source, url;
