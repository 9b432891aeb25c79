-- One run in detail: per source, what was fetched, cleaned and loaded. Parameter $run_id.
with final as (
    select s.source, s.pages_fetched as fetched, s.pages_failed as failed, s.pages_unchanged as unchanged,
           s.articles_seen as articles, s.articles_new as new, s.pages_skipped as not_articles,
           json_array_length(s.errors) as errors
    from run_sources s where s.run_id = $run_id
)

select * from final order by source
