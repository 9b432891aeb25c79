-- Per source, over the runs started on or after $since (all runs when null): pages fetched and
-- failed, articles found and added, and the paragraphs the clutter filter dropped from the articles
-- first seen in that window (estimated: blocks on the page before filtering minus paragraphs kept).
-- Parameters $since (date or null), $source (varchar or null).
with runs as (
    select run_id from main.runs
    where cast($since as date) is null or cast(started_at as date) >= cast($since as date)
),

run_sources as (
    select * from main.run_sources join runs using (run_id)
),

articles as (
    select source, text, block_keys from main.articles
    where cast($since as date) is null or cast(first_seen_at as date) >= cast($since as date)
),

fetching as (
    select source, count(*) as runs, sum(pages_fetched) as pages_fetched, sum(pages_failed) as pages_failed,
           sum(pages_unchanged) as pages_unchanged, sum(articles_seen) as articles_seen,
           sum(articles_new) as articles_new, sum(pages_skipped) as pages_skipped
    from run_sources group by source
),

cleaning as (
    select source, count(*) as articles,
           sum(greatest(len(coalesce(block_keys, [])) - len(string_split(coalesce(text, ''), chr(10) || chr(10))), 0))
               as clutter_removed
    from articles group by source
),

final as (
    select source,
           coalesce(fetching.runs, 0) as runs, coalesce(pages_fetched, 0) as pages_fetched,
           coalesce(pages_failed, 0) as pages_failed, coalesce(pages_unchanged, 0) as pages_unchanged,
           coalesce(articles_seen, 0) as articles_seen, coalesce(articles_new, 0) as articles_new,
           coalesce(pages_skipped, 0) as pages_skipped, coalesce(cleaning.articles, 0) as articles,
           coalesce(clutter_removed, 0) as clutter_removed
    from fetching full outer join cleaning using (source)
    where cast($source as varchar) is null or source = cast($source as varchar)
)

select * from final order by source
