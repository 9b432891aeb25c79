-- One row per source: how many articles, how many are copies, the date range they cover.
create or replace view articles_by_source as
with articles as (
    select source, article_id, duplicate_of, published_at, access from main.articles
),

final as (
    select
        source,
        count(*) as articles,
        count(*) filter (where duplicate_of is not null) as duplicates,
        count(*) filter (where access in ('paywalled', 'truncated')) as behind_paywall,
        min(published_at) as first_published,
        max(published_at) as last_published
    from articles
    group by source
)

select * from final order by source;
